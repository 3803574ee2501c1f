using System.Collections.Immutable;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Sync;

/// <summary>
/// The APIs, authorizations and roles a tenant should have: the input of a sync. Immutable; validated as a whole when
/// built (no identifier twice, every authorization for an API of the set and only with scopes that API defines, no
/// role name twice, every role permission a scope of an API of the set).
/// </summary>
/// <remarks>
/// Roles are managed only when the state declares them (<see cref="DesiredStateBuilder.WithRole"/> or
/// <see cref="DesiredStateBuilder.WithRoles"/>, or a <c>roles</c> key in JSON, even an empty one): otherwise a sync
/// reads, plans and changes no role, so a state of APIs alone never deletes a tenant's roles. A declared role's
/// permissions are managed on the state's APIs; its permissions on other APIs (system APIs included) are left alone.
/// </remarks>
/// <example>
/// <code>
/// var desired = DesiredState.Create()
///     .WithApi(orders)
///     .WithAuthorization(Authorization.For(orders, ApplicationReference.ByName("billing-worker")).WithScope("read:orders").Build())
///     .Build();
/// </code>
/// </example>
public sealed class DesiredState
{
    internal DesiredState(IEnumerable<ApiDefinition> apis, IEnumerable<AuthorizationDefinition> authorizations, IEnumerable<RoleDefinition>? roles)
    {
        Apis = apis.ToImmutableArray();
        Authorizations = authorizations.ToImmutableArray();
        Roles = (roles ?? []).ToImmutableArray();
        ManagesRoles = roles is not null;
    }

    /// <summary>The APIs, in the order they were added. Their identifiers are the managed set.</summary>
    public IReadOnlyList<ApiDefinition> Apis { get; }

    /// <summary>The authorizations, in the order they were added.</summary>
    public IReadOnlyList<AuthorizationDefinition> Authorizations { get; }

    /// <summary>The roles, in the order they were added; empty when none are declared.</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; }

    /// <summary>
    /// Whether the state declares roles (even none): only then does a sync read, create, change and, with
    /// <see cref="SyncOptions.Prune"/>, delete the tenant's roles.
    /// </summary>
    public bool ManagesRoles { get; }

    /// <summary>Starts a desired state.</summary>
    public static DesiredStateBuilder Create() => new();

    /// <summary>
    /// Reads a desired state from the JSON a <see cref="TenantExport"/> writes: <c>apis</c> as Auth0's resource-server
    /// objects, <c>authorizations</c> as client grants (<c>client_id</c>, <c>audience</c>, <c>scope</c>), and <c>roles</c>
    /// (<c>name</c>, <c>description</c>, <c>permissions</c> of <c>resource_server_identifier</c> and <c>permission_name</c>);
    /// a <c>roles</c> key, even an empty list, declares that the tenant's roles are managed.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not JSON of that shape.</exception>
    /// <exception cref="Validation.DefinitionException">A definition, or the whole, breaks a rule; every broken rule is listed.</exception>
    public static DesiredState FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return DesiredStateJson.Read(json);
    }

    /// <summary>How many APIs, authorizations and (when declared) roles the state holds.</summary>
    public override string ToString() =>
        $"Desired state: {Apis.Count} APIs, {Authorizations.Count} authorizations{(ManagesRoles ? $", {Roles.Count} roles" : string.Empty)}";
}
