using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using static Auth0ApiKit.Tests.Tokens.ValidationTenant;

namespace Auth0ApiKit.Tests.Tokens;

public sealed class Hs256ValidationTests : IDisposable
{
    private readonly ValidationTenant _tenant = new();

    public void Dispose() => _tenant.Dispose();

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(64)]
    public async Task A_token_signed_with_the_apis_secret_is_valid_for_every_length_auth0_accepts(int length)
    {
        var api = Hs256Api(Secret.Generate(length)).Build();

        var result = await _tenant.Validator(api).Check(_tenant.Token(api));

        result.IsValid.Should().BeTrue(result.Message);
        _tenant.Jwks.Count.Should().Be(0, "HS256 tokens need no JWKS");
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused()
    {
        var api = Hs256Api(Secret.Generate()).Build();
        var other = Hs256Api(Secret.Generate()).Build();

        var result = await _tenant.Validator(api).Check(_tenant.Token(other));

        result.Failure.Should().Be(AccessTokenValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task During_a_secret_change_the_previous_secret_is_accepted_only_when_configured()
    {
        var before = Hs256Api(Secret.Generate(20)).Build();
        var after = Hs256Api(Secret.Generate(20)).Build();
        var oldToken = _tenant.Token(before);
        var rotating = _tenant.Validator(after, new AccessTokenValidatorOptions { PreviousSigningSecret = before.SigningSecret });

        (await rotating.Check(oldToken)).IsValid.Should().BeTrue();
        (await rotating.Check(_tenant.Token(after))).IsValid.Should().BeTrue();
        (await _tenant.Validator(after).Check(oldToken)).Failure.Should().Be(AccessTokenValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task An_rs256_token_is_refused_by_an_hs256_api()
    {
        var api = Hs256Api(Secret.Generate()).Build();
        var rs256Token = _tenant.Token(Rs256Api().Build());

        var result = await _tenant.Validator(api).Check(rs256Token);

        result.Failure.Should().Be(AccessTokenValidationFailure.AlgorithmNotAllowed);
        result.Message.Should().Contain("HS256");
    }

    [Fact]
    public async Task An_hs256_token_without_a_signature_is_refused()
    {
        var api = Hs256Api(Secret.Generate()).Build();
        var token = _tenant.Token(api);

        var result = await _tenant.Validator(api).Check(token[..(token.LastIndexOf('.') + 1)]);

        result.Failure.Should().Be(AccessTokenValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task The_secret_never_shows_in_messages_or_logs()
    {
        var secret = Secret.Generate();
        var api = Hs256Api(secret).Build();
        var validator = _tenant.Validator(api);
        var token = Jwt.Forge("""{"alg":"HS256","typ":"JWT"}""", "{\"iss\":\"x\"}", Jwt.Hs256(secret.Reveal() + "x"));

        var result = await validator.Check(token);

        result.Message.Should().NotContain(secret.Reveal());
        validator.ToString().Should().NotContain(secret.Reveal());
        _tenant.LogMessages.Should().NotContain(m => m.Contains(secret.Reveal(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_validator_refuses_apis_it_cannot_check()
    {
        var noSecret = Api.WithIdentifier(Identifier).SignedWith(SigningAlgorithm.HS256).Build();
        var shortSecret = Hs256Api(new Secret("only-15-chars!!")).BuildUnchecked();
        var ps256 = Api.WithIdentifier(Identifier).SignedWith("PS256").BuildUnchecked();
        var rs256 = Rs256Api().Build();

        FluentActions.Invoking(() => _tenant.Validator(noSecret)).Should().Throw<ArgumentException>().WithMessage("*no signing secret*");
        FluentActions.Invoking(() => _tenant.Validator(shortSecret)).Should().Throw<ArgumentException>().WithMessage("*15 characters*")
            .Which.Message.Should().NotContain("only-15-chars");
        FluentActions.Invoking(() => _tenant.Validator(ps256)).Should().Throw<ArgumentException>().WithMessage("*PS256*");
        FluentActions.Invoking(() => new AccessTokenValidator(rs256, Urls, signingKeys: null)).Should().Throw<ArgumentException>()
            .WithParameterName("signingKeys");
        FluentActions.Invoking(() => _tenant.Validator(rs256, new AccessTokenValidatorOptions { ClockSkew = TimeSpan.FromHours(1) }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ClockSkew*");
    }
}
