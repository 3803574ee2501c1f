using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;
using CsCheck;

namespace Auth0ApiKit.Tests.Apis;

/// <summary>
/// Thousands of random inputs, clustered around every limit: the builder only ever returns a definition or
/// validation errors, never another exception; it refuses exactly the inputs an independent oracle refuses; and
/// no message or summary shows the signing secret.
/// </summary>
public class ApiDefinitionBuilderPropertyTests
{
    private const string SecretAlphabet = "αβγδεζηθ"; // found in no other input and no message
    private const long MaxSeconds = 2_592_000;

    private static readonly HashSet<string> KnownRules = typeof(RuleCodes).GetFields()
        .Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] KnownPaths = ["name", "identifier", "signing_alg", "signing_secret", "token_lifetime", "token_lifetime_for_web", "token_dialect"];

    /// <summary>
    /// Mostly valid text (from <paramref name="valid"/>, at or near the edges of <paramref name="minimum"/>..<paramref name="maximum"/>),
    /// sometimes just outside the range, sometimes with any character of <paramref name="any"/>: each field is valid often
    /// enough that whole definitions are, and every limit is crossed often.
    /// </summary>
    private static Gen<string> Text(string valid, string any, int minimum, int maximum) =>
        Gen.Frequency(
            (8, Gen.OneOf(Gen.Int[minimum, minimum + 3], Gen.Int[maximum - 2, maximum], Gen.Int[minimum, maximum]).SelectMany(n => Chars(valid, n))),
            (1, Gen.OneOf(Gen.Int[Math.Max(0, minimum - 2), Math.Max(0, minimum - 1)], Gen.Int[maximum + 1, maximum + 2]).SelectMany(n => Chars(valid, n))),
            (1, Gen.Int[0, maximum + 2].SelectMany(n => Chars(any, n))));

    private static Gen<string> Chars(string alphabet, int length) => Gen.Char[alphabet].Array[length].Select(chars => new string(chars));

    private static Gen<T?> OrUnset<T>(Gen<T> gen)
        where T : class => gen.Null(0.25);

    private static Gen<TimeSpan?> Seconds(long minimum, long maximum) => Gen.Long[minimum, maximum].Select(s => (TimeSpan?)TimeSpan.FromSeconds(s));

    /// <summary>Mostly whole seconds in range (<paramref name="typical"/> most often), sometimes anything a TimeSpan holds.</summary>
    private static Gen<TimeSpan?> Lifetime(Gen<TimeSpan?> typical) => Gen.Frequency(
        (4, Gen.Const((TimeSpan?)null)),
        (8, typical),
        (2, Gen.OneOf(Seconds(0, 2), Seconds(MaxSeconds - 2, MaxSeconds))),
        (1, Gen.OneOf(Seconds(-2, -1), Seconds(MaxSeconds + 1, MaxSeconds + 2))),
        (1, Gen.Long[-TimeSpan.TicksPerSecond * 2, TimeSpan.TicksPerSecond * (MaxSeconds + 2)].Select(t => (TimeSpan?)TimeSpan.FromTicks(t))),
        (1, Gen.OneOf<TimeSpan?>(TimeSpan.MinValue, TimeSpan.MaxValue, TimeSpan.Zero, TimeSpan.FromTicks(1), TimeSpan.FromTicks(-1))),
        (1, Gen.TimeSpan.Select(t => (TimeSpan?)t)));

    private static readonly Gen<Scope> ScopeGen = Gen.Select(
        Text("abcdefghijklmnopqrstuvwxyz:", "rw: \t\u00a0", 4, 280),
        OrUnset(Text("d ", "d ", 0, 500)),
        (value, description) => new Scope(value, description));

    private static readonly Gen<Inputs> InputsGen = Gen.Select(
        OrUnset(Text("ab ", "ab <>", 1, 200)),
        Text("i:/", "i:/", 1, 600).Null(0.1),
        Gen.Frequency((3, Gen.Const((string?)null)), (6, Gen.OneOf<string?>("HS256", "RS256")), (1, Gen.OneOf<string?>("PS256", "RS512", "", "hs256", "none"))),
        Text(SecretAlphabet, SecretAlphabet, 16, 40).Null(0.6),
        Lifetime(Seconds(7_200, MaxSeconds)),
        Lifetime(Seconds(0, 7_200)),
        OrUnset(ScopeGen.Array[0, 4]),
        Gen.Frequency((3, Gen.Const((string?)null)), (6, Gen.OneOf<string?>("access_token", "access_token_authz", "rfc9068_profile", "rfc9068_profile_authz")), (1, Gen.OneOf<string?>("future_dialect", ""))),
        Gen.Bool.Nullable(),
        (name, identifier, algorithm, secret, token, web, scopes, dialect, flag) =>
            new Inputs(name, identifier, algorithm, secret, token, web, scopes, dialect, flag));

    [Fact]
    public void The_builder_returns_a_definition_or_errors_and_refuses_exactly_the_invalid_inputs() =>
        InputsGen.Sample(inputs =>
        {
            var builder = inputs.ToBuilder();

            var valid = builder.TryBuild(out var api, out var errors);

            valid.Should().Be(inputs.IsValid(), "the oracle and the builder agree on {0}", inputs);
            (api is not null).Should().Be(valid);
            errors.Should().Equal(builder.Validate());
            foreach (var error in errors)
            {
                KnownRules.Should().Contain(error.Rule);
                (KnownPaths.Contains(error.Path) || error.Path.StartsWith("scopes[", StringComparison.Ordinal)).Should().BeTrue(error.Path);
                error.Message.Should().NotBeNullOrWhiteSpace();
                inputs.ShouldNotShowSecret(error.ToString());
            }

            if (valid)
            {
                api!.ToBuilder().Build().Should().Be(api);
                api.GetHashCode().Should().Be(inputs.ToBuilder().Build().GetHashCode());
                inputs.ShouldNotShowSecret(api.ToString());
            }
            else
            {
                var thrown = builder.Invoking(b => b.Build()).Should().Throw<DefinitionException>().Which;
                thrown.Errors.Should().Equal(errors);
                inputs.ShouldNotShowSecret(thrown.Message);
            }
        }, iter: 5_000);

    [Fact]
    public void The_inputs_hold_valid_and_invalid_definitions_alike()
    {
        var valid = 0;
        const int Count = 2_000;
        InputsGen.Sample(inputs =>
        {
            if (inputs.IsValid())
            {
                Interlocked.Increment(ref valid);
            }
        }, iter: Count);

        valid.Should().BeInRange(Count / 10, Count * 9 / 10, "a property over only valid or only invalid inputs proves little");
    }

    [Fact]
    public void Reading_any_values_back_never_fails() =>
        InputsGen.Sample(inputs =>
        {
            var read = inputs.ToBuilder().BuildUnchecked();

            _ = read.ToString();
            _ = read.EffectiveWebTokenLifetime;
            read.ToBuilder().BuildUnchecked().Should().Be(read);
        }, iter: 2_000);

    internal sealed record Inputs(
        string? Name, string? Identifier, string? Algorithm, string? Secret, TimeSpan? Token, TimeSpan? Web, Scope[]? Scopes, string? Dialect, bool? Flag)
    {
        /// <summary>Api.Define needs a name and Api.WithIdentifier an identifier: with neither, the identifier is empty.</summary>
        private string? EffectiveIdentifier => Name is null ? Identifier ?? "" : Identifier;

        public ApiDefinitionBuilder ToBuilder()
        {
            var builder = Name is null ? Api.WithIdentifier(EffectiveIdentifier!) : Api.Define(Name);
            if (Name is not null && Identifier is not null)
            {
                builder.WithIdentifier(Identifier);
            }

            if (Algorithm is not null)
            {
                builder.SignedWith(Algorithm);
            }

            if (Secret is not null)
            {
                builder.WithSigningSecret(Secret);
            }

            if (Token is { } token)
            {
                builder.TokensExpireAfter(token);
            }

            if (Web is { } web)
            {
                builder.WebTokensExpireAfter(web);
            }

            if (Scopes is not null)
            {
                builder.WithScopes(Scopes);
            }

            if (Dialect is not null)
            {
                builder.WithTokenDialect(Dialect);
            }

            if (Flag is { } flag)
            {
                builder.AllowOfflineAccess(flag).AllowSkippingUserConsent(!flag).EnforcePolicies(flag);
            }

            return builder;
        }

        /// <summary>The oracle: AUTH0-BEHAVIOUR.md section 1 and the dashboard's rules, written out independently of the SDK.</summary>
        public bool IsValid()
        {
            var scopeValues = Scopes?.Select(s => s.Value).ToList() ?? [];
            return (Name is null || (Name.Length is >= 1 and <= 200 && !Name.Contains('<', StringComparison.Ordinal) && !Name.Contains('>', StringComparison.Ordinal)))
                && EffectiveIdentifier is { Length: >= 1 and <= 600 }
                && Algorithm is null or "HS256" or "RS256"
                && (Secret is null || (Algorithm is null or "HS256" && Secret.Length >= 16))
                && IsValidLifetime(Token)
                && IsValidLifetime(Web)
                && !(Token is { } token && Web is { } web && web > token)
                && (Scopes ?? []).All(s => s.Value.Length is >= 1 and <= 280 && !s.Value.Any(char.IsWhiteSpace) && (s.Description?.Length ?? 0) <= 500)
                && scopeValues.Distinct(StringComparer.Ordinal).Count() == scopeValues.Count
                && Dialect is null or "access_token" or "access_token_authz" or "rfc9068_profile" or "rfc9068_profile_authz";
        }

        private static bool IsValidLifetime(TimeSpan? lifetime) =>
            lifetime is not { } value ||
            (value.Ticks % TimeSpan.TicksPerSecond == 0 && value >= TimeSpan.Zero && value <= TimeSpan.FromSeconds(MaxSeconds));

        /// <summary>For CsCheck's report of a failing (shrunk) input: every field, lengths for long texts.</summary>
        public override string ToString() =>
            $"name {Show(Name)}, identifier {Show(Identifier)}, alg {Show(Algorithm)}, secret {Show(Secret)}, token {Token?.Ticks}, " +
            $"web {Web?.Ticks}, scopes {(Scopes is null ? "unset" : "[" + string.Join(", ", Scopes.Select(s => $"{Show(s.Value)}/{Show(s.Description)}")) + "]")}, " +
            $"dialect {Show(Dialect)}, flag {Flag}";

        private static string Show(string? text) => text switch
        {
            null => "unset",
            { Length: > 20 } => $"'{text[..10]}...' ({text.Length} chars)",
            _ => $"'{text}'",
        };

        public void ShouldNotShowSecret(string text)
        {
            if (Secret is { Length: > 0 })
            {
                text.Should().NotContain(Secret);
            }
        }
    }
}
