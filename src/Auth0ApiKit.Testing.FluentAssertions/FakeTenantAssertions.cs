using Auth0ApiKit.Management;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Auth0ApiKit.Testing.FluentAssertions;

/// <summary>
/// Assertions on a fake tenant's state and request journal. Every assertion takes <c>because</c> and
/// <c>becauseArgs</c>; <see cref="HaveAuthorization(string, string, IEnumerable{string}, string, object[])"/> takes them
/// after its scopes.
/// </summary>
public sealed class FakeTenantAssertions : ReferenceTypeAssertions<FakeTenant, FakeTenantAssertions>
{
    internal FakeTenantAssertions(FakeTenant tenant) : base(tenant)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "tenant";

    /// <summary>Asserts that the tenant has an API with this identifier, and gives it for further assertions.</summary>
    public AndWhichConstraint<FakeTenantAssertions, TenantApi> HaveApi(string identifier, string because = "", params object[] becauseArgs)
    {
        var api = Subject.Apis.Find(identifier);
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(api is not null && api.Identifier == identifier)
            .FailWith("Expected the tenant to have the API {0}{reason}, but it has {1}.", identifier, Subject.Apis.All.Select(a => a.Identifier).ToList());
        return new AndWhichConstraint<FakeTenantAssertions, TenantApi>(this, api!);
    }

    /// <summary>Asserts that the tenant has no API with this identifier.</summary>
    public AndConstraint<FakeTenantAssertions> NotHaveApi(string identifier, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(Subject.Apis.Find(identifier)?.Identifier != identifier)
            .FailWith("Expected the tenant not to have the API {0}{reason}, but it has.", identifier);
        return new AndConstraint<FakeTenantAssertions>(this);
    }

    /// <summary>Asserts that the application is authorized for the API with exactly these scopes (in any order).</summary>
    public AndWhichConstraint<FakeTenantAssertions, TenantAuthorization> HaveAuthorization(string clientId, string apiIdentifier, params string[] scopes) =>
        HaveAuthorization(clientId, apiIdentifier, scopes, string.Empty);

    /// <summary>Asserts that the application is authorized for the API with exactly these scopes (in any order).</summary>
    public AndWhichConstraint<FakeTenantAssertions, TenantAuthorization> HaveAuthorization(string clientId, string apiIdentifier, IEnumerable<string> scopes,
        string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var expected = scopes.ToList();
        var grant = Subject.Authorizations.Find(clientId, apiIdentifier);
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(grant is not null)
            .FailWith("Expected {0} to be authorized for {1}{reason}, but it is not.", clientId, apiIdentifier)
            .Then.ForCondition(grant is not null && grant.Scopes.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            .FailWith("Expected {0} to be authorized for {1} with scopes {2}{reason}, but it has {3}.", clientId, apiIdentifier, expected, grant?.Scopes);
        return new AndWhichConstraint<FakeTenantAssertions, TenantAuthorization>(this, grant!);
    }

    /// <summary>Asserts that the application is not authorized for the API.</summary>
    public AndConstraint<FakeTenantAssertions> NotHaveAuthorization(string clientId, string apiIdentifier, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(Subject.Authorizations.Find(clientId, apiIdentifier) is null)
            .FailWith("Expected {0} not to be authorized for {1}{reason}, but it is.", clientId, apiIdentifier);
        return new AndConstraint<FakeTenantAssertions>(this);
    }

    /// <summary>
    /// Asserts that the user holds every one of these permissions for the API, directly or through roles (what RBAC
    /// lets the user's tokens for the API carry).
    /// </summary>
    public AndConstraint<FakeTenantAssertions> GrantUserPermissions(string userId, string apiIdentifier, params string[] permissions) =>
        GrantUserPermissions(userId, apiIdentifier, permissions, string.Empty);

    /// <summary>
    /// Asserts that the user holds every one of these permissions for the API, directly or through roles (what RBAC
    /// lets the user's tokens for the API carry).
    /// </summary>
    public AndConstraint<FakeTenantAssertions> GrantUserPermissions(string userId, string apiIdentifier, IEnumerable<string> permissions,
        string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var expected = permissions.ToList();
        var held = UserPermissions(userId, apiIdentifier, because, becauseArgs, "to hold permissions {2} for {1}", expected);
        var missing = expected.Where(p => !held.Contains(p, StringComparer.Ordinal)).ToList();
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(missing.Count == 0)
            .FailWith("Expected user {0} to hold permissions {1} for {2}{reason}, but {3} are missing (the user holds {4}).",
                userId, expected, apiIdentifier, missing, held);
        return new AndConstraint<FakeTenantAssertions>(this);
    }

    /// <summary>Asserts that the user holds exactly these permissions for the API (in any order), directly or through roles.</summary>
    public AndConstraint<FakeTenantAssertions> GrantUserExactlyPermissions(string userId, string apiIdentifier, params string[] permissions) =>
        GrantUserExactlyPermissions(userId, apiIdentifier, permissions, string.Empty);

    /// <summary>Asserts that the user holds exactly these permissions for the API (in any order), directly or through roles.</summary>
    public AndConstraint<FakeTenantAssertions> GrantUserExactlyPermissions(string userId, string apiIdentifier, IEnumerable<string> permissions,
        string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var expected = permissions.ToList();
        var held = UserPermissions(userId, apiIdentifier, because, becauseArgs, "to hold exactly permissions {2} for {1}", expected);
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(held.Order(StringComparer.Ordinal).SequenceEqual(expected.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), StringComparer.Ordinal))
            .FailWith("Expected user {0} to hold exactly permissions {1} for {2}{reason}, but the user holds {3}.", userId, expected, apiIdentifier, held);
        return new AndConstraint<FakeTenantAssertions>(this);
    }

    /// <summary>Asserts that the user holds none of these permissions for the API, neither directly nor through a role.</summary>
    public AndConstraint<FakeTenantAssertions> NotGrantUserPermissions(string userId, string apiIdentifier, params string[] permissions) =>
        NotGrantUserPermissions(userId, apiIdentifier, permissions, string.Empty);

    /// <summary>Asserts that the user holds none of these permissions for the API, neither directly nor through a role.</summary>
    public AndConstraint<FakeTenantAssertions> NotGrantUserPermissions(string userId, string apiIdentifier, IEnumerable<string> permissions,
        string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var unwanted = permissions.ToList();
        var held = UserPermissions(userId, apiIdentifier, because, becauseArgs, "to hold none of permissions {2} for {1}", unwanted);
        var present = unwanted.Where(p => held.Contains(p, StringComparer.Ordinal)).ToList();
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(present.Count == 0)
            .FailWith("Expected user {0} to hold none of permissions {1} for {2}{reason}, but the user holds {3}.", userId, unwanted, apiIdentifier, present);
        return new AndConstraint<FakeTenantAssertions>(this);
    }

    /// <summary>
    /// The user's permissions for the API, directly or through roles; fails (saying what was expected) when the tenant
    /// has no such user. <paramref name="expectation"/> names the API as <c>{1}</c> and the permissions as <c>{2}</c>.
    /// </summary>
    private IReadOnlyList<string> UserPermissions(string userId, string apiIdentifier, string because, object[] becauseArgs,
        string expectation, List<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(Subject.Users.Find(userId)?.UserId == userId)
            .FailWith("Expected user {0} " + expectation + "{reason}, but the tenant has no user with that id.", userId, apiIdentifier, permissions);
        return Subject.Roles.EffectivePermissions(userId, apiIdentifier);
    }

    /// <summary>Asserts that the journal holds exactly <paramref name="times"/> requests to this method and path (without query).</summary>
    public AndConstraint<FakeTenantAssertions> HaveReceived(string method, string path, int times, string because = "", params object[] becauseArgs)
    {
        var count = Subject.Journal.For(method, path).Count;
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(count == times)
            .FailWith("Expected the tenant to have received {0} {1} {2} time(s){reason}, but it received it {3} time(s).", method, path, times, count);
        return new AndConstraint<FakeTenantAssertions>(this);
    }
}
