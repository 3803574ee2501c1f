using System.Collections.Immutable;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Sync;

/// <summary>
/// A tenant's APIs, authorizations and roles as definitions, from <see cref="Auth0Sync.ExportAsync"/>: to adopt sync on an
/// existing tenant, write them out as C# (<see cref="ToCSharp"/>) or JSON (<see cref="ToJson"/>) and keep them as the
/// desired state. Planning <see cref="DesiredState"/> against the same tenant gives an empty plan.
/// </summary>
/// <remarks>
/// Every setting the tenant reports is exported, defaults included, except what a definition cannot hold or the
/// SDK does not set: signing secrets (never exported; an HS256 API keeps its secret, since an unset secret is not a
/// difference), signing algorithms other than RS256 and HS256 and unknown token dialects (left unset, so kept as
/// they are). System APIs and their authorizations are not exported. Roles are exported with their permissions on the
/// exported APIs; their permissions on other APIs (system APIs, APIs left out) are not, and a sync keeps them. Anything
/// else left out is listed in <see cref="Omissions"/>. Authorizations refer to applications by client id.
/// </remarks>
public sealed class TenantExport
{
    private TenantExport(DesiredState desiredState, IReadOnlyDictionary<string, string> applicationNames, IReadOnlyList<string> omissions)
    {
        DesiredState = desiredState;
        ApplicationNames = applicationNames;
        Omissions = omissions;
    }

    /// <summary>The exported APIs, authorizations and roles; roles are declared (managed) when the tenant has any.</summary>
    public DesiredState DesiredState { get; }

    /// <summary>The name of each application the authorizations refer to, by client id.</summary>
    public IReadOnlyDictionary<string, string> ApplicationNames { get; }

    /// <summary>What was left out or left unset and why, one sentence each; empty when the export is complete.</summary>
    public IReadOnlyList<string> Omissions { get; }

    /// <summary>
    /// C# source that defines every exported API as a property built with <c>Api.Define(...)</c>, and the desired
    /// state as a property named <c>Desired</c>, in a static class. Authorizations name their application by client
    /// id, with its name in a comment.
    /// </summary>
    /// <param name="className">The name of the static class; a C# identifier.</param>
    /// <param name="namespaceName">The file-scoped namespace, or <see langword="null"/> for none; a dotted C# name.</param>
    /// <exception cref="ArgumentException">A name is not a valid C# identifier.</exception>
    public string ToCSharp(string className = "TenantDefinitions", string? namespaceName = null) =>
        CSharpExport.Write(this, className, namespaceName);

    /// <summary>
    /// The export as indented JSON: <c>apis</c> as Auth0's resource-server bodies, <c>authorizations</c> as client
    /// grants (<c>client_id</c>, <c>application_name</c>, <c>audience</c>, <c>scope</c>), <c>roles</c> with their
    /// <c>permissions</c> (<c>resource_server_identifier</c>, <c>permission_name</c>). Read it back with
    /// <see cref="DesiredState.FromJson"/>.
    /// </summary>
    public string ToJson() => DesiredStateJson.Write(DesiredState, ApplicationNames);

    /// <summary>How many APIs, authorizations and roles were exported.</summary>
    public override string ToString() =>
        $"Tenant export: {DesiredState.Apis.Count} APIs, {DesiredState.Authorizations.Count} authorizations, {DesiredState.Roles.Count} roles, {Omissions.Count} omissions";

    internal static TenantExport From(TenantSnapshot tenant)
    {
        var omissions = new List<string>();
        var apis = new List<ApiDefinition>();
        foreach (var api in tenant.Apis.Where(a => !a.IsSystem).OrderBy(a => a.Identifier, StringComparer.Ordinal))
        {
            if (Exportable(api, omissions) is { } definition)
            {
                apis.Add(definition);
            }
        }

        var byIdentifier = apis.ToDictionary(a => a.Identifier, StringComparer.Ordinal);
        var system = tenant.SystemIdentifiers();
        var names = tenant.Applications.GroupBy(a => a.ClientId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var authorizations = new List<AuthorizationDefinition>();
        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var grant in tenant.Authorizations.Where(a => !system.Contains(a.ApiIdentifier))
                     .OrderBy(a => a.ApiIdentifier, StringComparer.Ordinal).ThenBy(a => a.ClientId, StringComparer.Ordinal))
        {
            if (!byIdentifier.TryGetValue(grant.ApiIdentifier, out var api))
            {
                omissions.Add($"The authorization of {grant.ClientId} for {grant.ApiIdentifier} is left out with its API.");
                continue;
            }

            if (!Authorization.For(api, ApplicationReference.ByClientId(grant.ClientId)).WithScopes(grant.Scopes).TryBuild(out var authorization, out var errors))
            {
                omissions.Add($"The authorization of {grant.ClientId} for {grant.ApiIdentifier} is left out: {string.Join(" ", errors.Select(e => e.Message))}");
                continue;
            }

            authorizations.Add(authorization);
            if (names.TryGetValue(grant.ClientId, out var name))
            {
                referenced[grant.ClientId] = name;
            }
        }

        var builder = DesiredState.Create().WithApis(apis).WithAuthorizations(authorizations);
        if (tenant.Roles is { Count: > 0 } tenantRoles)
        {
            var roles = tenantRoles.OrderBy(r => r.Role.Name, StringComparer.Ordinal).Select(r => ExportRole(r, byIdentifier, omissions)).ToList();
            if (roles.Contains(null))
            {
                // Declared roles are managed: a pruning sync of this export would delete the role left out.
                omissions.Add("Roles are not declared in this export, since one is left out: a sync of it with Prune would delete that role. Declare them yourself.");
            }
            else
            {
                builder.WithRoles([.. roles.OfType<RoleDefinition>()]);
            }
        }

        var state = builder.Build();
        return new TenantExport(state, referenced.ToImmutableSortedDictionary(StringComparer.Ordinal), omissions);
    }

    /// <summary>The role with its permissions on exported APIs (the others noted), or <see langword="null"/> (and why) when it breaks a rule.</summary>
    private static RoleDefinition? ExportRole(SnapshotRole role, Dictionary<string, ApiDefinition> apis, List<string> omissions)
    {
        var builder = Role.Define(role.Role.Name);
        if (role.Role.Description is not null)
        {
            builder.WithDescription(role.Role.Description);
        }

        var elsewhere = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var permission in role.Permissions.OrderBy(p => p.ApiIdentifier, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            if (apis.TryGetValue(permission.ApiIdentifier, out var api))
            {
                builder.WithPermission(api, permission.Name);
            }
            else
            {
                elsewhere.Add(permission.ApiIdentifier);
            }
        }

        if (elsewhere.Count > 0)
        {
            omissions.Add($"The permissions of the role '{role.Role.Name}' on {string.Join(", ", elsewhere)} are not exported (the API is not); a sync keeps them.");
        }

        if (builder.TryBuild(out var definition, out var errors))
        {
            return definition;
        }

        omissions.Add($"The role '{role.Role.Name}' is left out: {string.Join(" ", errors.Select(e => e.Message))}");
        return null;
    }

    /// <summary>The API's settings that a definition can hold, or <see langword="null"/> (and why) when they break a rule.</summary>
    private static ApiDefinition? Exportable(TenantApi api, List<string> omissions)
    {
        var read = api.Definition;
        var unsupportedAlgorithm = read.SigningAlgorithm is { IsSupported: false };
        var unknownDialect = read.TokenDialect is { IsKnown: false };
        if (unsupportedAlgorithm)
        {
            omissions.Add($"The signing algorithm {read.SigningAlgorithm} of {read.Identifier} is left unset (the SDK sets only RS256 and HS256); the API keeps it.");
        }

        if (unknownDialect)
        {
            omissions.Add($"The token dialect {read.TokenDialect} of {read.Identifier} is left unset (the SDK does not know it); the API keeps it.");
        }

        var builder = read.ToBuilder().Unset(unsupportedAlgorithm, signingSecret: true, unknownDialect)
            .WithAuth0Properties(read.PropertyBag.ForExport(ResourceServerTable.Shape));
        if (builder.TryBuild(out var definition, out var errors))
        {
            return definition;
        }

        omissions.Add($"The API {read.Identifier} is left out, with its authorizations: {string.Join(" ", errors.Select(e => e.ToString()))}");
        return null;
    }
}
