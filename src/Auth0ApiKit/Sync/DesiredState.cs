using System.Collections.Immutable;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Sync;

/// <summary>
/// The APIs and authorizations a tenant should have: the input of a sync. Immutable; validated as a whole when
/// built (no identifier twice, every authorization for an API of the set and only with scopes that API defines).
/// </summary>
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
    internal DesiredState(IEnumerable<ApiDefinition> apis, IEnumerable<AuthorizationDefinition> authorizations)
    {
        Apis = apis.ToImmutableArray();
        Authorizations = authorizations.ToImmutableArray();
    }

    /// <summary>The APIs, in the order they were added. Their identifiers are the managed set.</summary>
    public IReadOnlyList<ApiDefinition> Apis { get; }

    /// <summary>The authorizations, in the order they were added.</summary>
    public IReadOnlyList<AuthorizationDefinition> Authorizations { get; }

    /// <summary>Starts a desired state.</summary>
    public static DesiredStateBuilder Create() => new();

    /// <summary>
    /// Reads a desired state from the JSON a <see cref="TenantExport"/> writes: <c>apis</c> as Auth0's resource-server
    /// objects, <c>authorizations</c> as client grants (<c>client_id</c>, <c>audience</c>, <c>scope</c>).
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not JSON of that shape.</exception>
    /// <exception cref="Validation.DefinitionException">A definition, or the whole, breaks a rule; every broken rule is listed.</exception>
    public static DesiredState FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return DesiredStateJson.Read(json);
    }

    /// <summary>How many APIs and authorizations the state holds.</summary>
    public override string ToString() => $"Desired state: {Apis.Count} APIs, {Authorizations.Count} authorizations";
}
