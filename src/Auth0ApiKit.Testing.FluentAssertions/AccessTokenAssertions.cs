using System.Globalization;
using Auth0ApiKit.Apis;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0ApiKit.Testing.FluentAssertions;

/// <summary>
/// Assertions on an access token's header and claims, read without validating the signature (validate with
/// <c>AccessTokenValidator</c>; assert with these). Failure messages never show the token itself. Every assertion takes
/// <c>because</c> and <c>becauseArgs</c>; those with a list of values take them after the list as an
/// <see cref="IEnumerable{T}"/>, as FluentAssertions' own do.
/// </summary>
public sealed class AccessTokenAssertions : ReferenceTypeAssertions<JsonWebToken, AccessTokenAssertions>
{
    internal AccessTokenAssertions(JsonWebToken token) : base(token)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "access token";

    /// <summary>Asserts the header's <c>alg</c>.</summary>
    public AndConstraint<AccessTokenAssertions> BeSignedWith(SigningAlgorithm algorithm, string because = "", params object[] becauseArgs) =>
        Check(Subject.Alg == algorithm.Value, because, becauseArgs, "to be signed with {0}{reason}, but it is signed with {1}.", algorithm.Value, Subject.Alg);

    /// <summary>Asserts the header's <c>kid</c>.</summary>
    public AndConstraint<AccessTokenAssertions> HaveKeyId(string keyId, string because = "", params object[] becauseArgs) =>
        Check(Subject.Kid == keyId, because, becauseArgs, "to have key id {0}{reason}, but it has {1}.", keyId, Subject.Kid);

    /// <summary>Asserts the <c>iss</c> claim.</summary>
    public AndConstraint<AccessTokenAssertions> HaveIssuer(string issuer, string because = "", params object[] becauseArgs) =>
        Check(Subject.Issuer == issuer, because, becauseArgs, "to have issuer {0}{reason}, but it has {1}.", issuer, Subject.Issuer);

    /// <summary>Asserts that <c>aud</c> is, or (as an array) contains, <paramref name="audience"/>.</summary>
    public AndConstraint<AccessTokenAssertions> HaveAudience(string audience, string because = "", params object[] becauseArgs) =>
        Check(Subject.Audiences.Contains(audience, StringComparer.Ordinal), because, becauseArgs,
            "to have audience {0}{reason}, but its audiences are {1}.", audience, Subject.Audiences.ToList());

    /// <summary>Asserts the <c>sub</c> claim.</summary>
    public AndConstraint<AccessTokenAssertions> HaveSubject(string subject, string because = "", params object[] becauseArgs) =>
        Check(Subject.Subject == subject, because, becauseArgs, "to have subject {0}{reason}, but it has {1}.", subject, Subject.Subject);

    /// <summary>Asserts that the space-separated <c>scope</c> claim holds every one of <paramref name="scopes"/>.</summary>
    public AndConstraint<AccessTokenAssertions> HaveScopes(params string[] scopes) => HaveScopes(scopes, string.Empty);

    /// <summary>Asserts that the space-separated <c>scope</c> claim holds every one of <paramref name="scopes"/>.</summary>
    public AndConstraint<AccessTokenAssertions> HaveScopes(IEnumerable<string> scopes, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var expected = scopes.ToList();
        var granted = Scopes();
        var missing = expected.Where(s => !granted.Contains(s, StringComparer.Ordinal)).ToList();
        return Check(missing.Count == 0, because, becauseArgs, "to have scopes {0}{reason}, but {1} are missing (it has {2}).", expected, missing, granted);
    }

    /// <summary>Asserts that the <c>scope</c> claim holds exactly <paramref name="scopes"/>, in any order.</summary>
    public AndConstraint<AccessTokenAssertions> HaveExactlyScopes(params string[] scopes) => HaveExactlyScopes(scopes, string.Empty);

    /// <summary>Asserts that the <c>scope</c> claim holds exactly <paramref name="scopes"/>, in any order.</summary>
    public AndConstraint<AccessTokenAssertions> HaveExactlyScopes(IEnumerable<string> scopes, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var expected = scopes.ToList();
        var granted = Scopes();
        return Check(granted.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal),
            because, becauseArgs, "to have exactly scopes {0}{reason}, but it has {1}.", expected, granted);
    }

    /// <summary>Asserts that the <c>permissions</c> claim holds every one of <paramref name="permissions"/>.</summary>
    public AndConstraint<AccessTokenAssertions> HavePermissions(params string[] permissions) => HavePermissions(permissions, string.Empty);

    /// <summary>Asserts that the <c>permissions</c> claim holds every one of <paramref name="permissions"/>.</summary>
    public AndConstraint<AccessTokenAssertions> HavePermissions(IEnumerable<string> permissions, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var expected = permissions.ToList();
        var granted = Subject.Claims.Where(c => c.Type == "permissions").Select(c => c.Value).ToList();
        var missing = expected.Where(p => !granted.Contains(p, StringComparer.Ordinal)).ToList();
        return Check(missing.Count == 0, because, becauseArgs, "to have permissions {0}{reason}, but {1} are missing.", expected, missing);
    }

    /// <summary>Asserts the <c>exp</c> claim, to the second.</summary>
    public AndConstraint<AccessTokenAssertions> ExpireAt(DateTimeOffset expiresAt, string because = "", params object[] becauseArgs)
    {
        var actual = Subject.TryGetPayloadValue<long>("exp", out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : (DateTimeOffset?)null;
        return Check(actual?.ToUnixTimeSeconds() == expiresAt.ToUnixTimeSeconds(), because, becauseArgs,
            "to expire at {0}{reason}, but it expires at {1}.", expiresAt.ToString("u", CultureInfo.InvariantCulture), actual?.ToString("u", CultureInfo.InvariantCulture));
    }

    /// <summary>Asserts that a claim holds <paramref name="value"/> (one of its values, for an array claim).</summary>
    public AndConstraint<AccessTokenAssertions> HaveClaim(string name, string value, string because = "", params object[] becauseArgs) =>
        Check(Subject.Claims.Any(c => c.Type == name && c.Value == value), because, becauseArgs,
            "to have claim {0} = {1}{reason}, but it has {2}.", name, value, Subject.Claims.Where(c => c.Type == name).Select(c => c.Value).ToList());

    /// <summary>Asserts that a claim is absent.</summary>
    public AndConstraint<AccessTokenAssertions> NotHaveClaim(string name, string because = "", params object[] becauseArgs) =>
        Check(!Subject.TryGetPayloadValue<object>(name, out _), because, becauseArgs, "not to have claim {0}{reason}, but it has.", name);

    private List<string> Scopes() =>
        Subject.TryGetPayloadValue<string>("scope", out var scope) ? [.. scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)] : [];

    private AndConstraint<AccessTokenAssertions> Check(bool condition, string because, object[] becauseArgs, string message, params object?[] args)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(condition)
            .FailWith("Expected the access token " + message, args);
        return new AndConstraint<AccessTokenAssertions>(this);
    }
}
