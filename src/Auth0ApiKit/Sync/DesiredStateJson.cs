using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using ApiFields = Auth0ApiKit.Wire.ResourceServerFields;
using GrantFields = Auth0ApiKit.Wire.ClientGrantFields;
using RoleFields = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Sync;

/// <summary>
/// A desired state as JSON: APIs as Auth0's resource-server bodies, authorizations as client grants by client id
/// (with the application's name for people), roles with their permissions (only when the state manages roles). The one format both <see cref="TenantExport.ToJson"/> writes and
/// <see cref="DesiredState.FromJson"/> reads.
/// </summary>
internal static class DesiredStateJson
{
    public static string Write(DesiredState state, IReadOnlyDictionary<string, string> applicationNames)
    {
        var dto = new DesiredStateDto
        {
            Apis = [.. state.Apis.Select(ResourceServerMapping.ToCreateBody)],
            Authorizations = [.. state.Authorizations.Select(a => new ExportedGrantDto
            {
                ClientId = a.Application.ClientId,
                ApplicationName = a.Application.ClientId is { } id ? applicationNames.GetValueOrDefault(id) : a.Application.Name,
                Audience = a.ApiIdentifier,
                Scope = [.. a.Scopes],
            })],
            Roles = state.ManagesRoles ? [.. state.Roles.Select(r => new ExportedRoleDto
            {
                Name = r.Name,
                Description = r.Description,
                Permissions = [.. r.Permissions.Select(p => new PermissionDto { ResourceServerIdentifier = p.ApiIdentifier, PermissionName = p.Name })],
            })] : null,
        };
        return JsonSerializer.Serialize(dto, WireJson.Indented.DesiredStateDto);
    }

    public static DesiredState Read(string json)
    {
        var dto = JsonSerializer.Deserialize(json, WireJson.Context.DesiredStateDto)
            ?? throw new JsonException("The desired state's JSON is null; expected an object with 'apis' and 'authorizations'.");
        var errors = new List<ValidationError>();
        Unknown(dto.AdditionalProperties?.Keys, string.Empty, errors);
        var apis = new List<ApiDefinition>();
        var rows = dto.Apis ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            apis.Add(ReadApi(rows[i] ?? new ResourceServerDto(), $"apis[{i}].", errors));
        }

        var authorizations = new List<AuthorizationDefinition>();
        var positions = new List<int>();
        var grants = dto.Authorizations ?? [];
        for (var j = 0; j < grants.Count; j++)
        {
            var grant = grants[j] ?? new ExportedGrantDto();
            Unknown(grant.AdditionalProperties?.Keys, $"authorizations[{j}].", errors);
            if (string.IsNullOrWhiteSpace(grant.ClientId) || string.IsNullOrEmpty(grant.Audience))
            {
                var field = string.IsNullOrWhiteSpace(grant.ClientId) ? GrantFields.ClientId : GrantFields.Audience;
                errors.Add(Rules.Required($"authorizations[{j}].{field}", $"the authorization's {field}"));
                continue;
            }

            authorizations.Add(new AuthorizationDefinition(ApplicationReference.ByClientId(grant.ClientId), grant.Audience, grant.Scope ?? []));
            positions.Add(j);
        }

        var roles = new List<RoleDefinition>();
        var rolePositions = new List<int>();
        var roleRows = dto.Roles ?? [];
        for (var r = 0; r < roleRows.Count; r++)
        {
            if (ReadRole(roleRows[r] ?? new ExportedRoleDto(), $"{RoleFields.Roles}[{r}].", errors) is { } role)
            {
                roles.Add(role);
                rolePositions.Add(r);
            }
        }

        var builder = DesiredState.Create().WithApis(apis).WithAuthorizations(authorizations);
        if (dto.Roles is not null)
        {
            builder.WithRoles(roles);
        }

        errors.AddRange(builder.Validate().Select(e => e with
        {
            Path = AtPosition(AtPosition(e.Path, "authorizations[", positions), RoleFields.Roles + "[", rolePositions),
        }));
        return errors.Count == 0 ? builder.Build() : throw new DefinitionException("desired state", errors);
    }

    /// <summary>
    /// One API entry (a resource-server body) as a definition, kept as read: names that are not the table's, fields
    /// the tenant sets and broken rules go to <paramref name="errors"/>, under <paramref name="prefix"/>. The emulator's
    /// seed files read their APIs through this too.
    /// </summary>
    public static ApiDefinition ReadApi(ResourceServerDto row, string prefix, List<ValidationError> errors)
    {
        Unknown(row.AdditionalProperties?.Keys.Where(k => ResourceServerTable.Shape.Find(k) is null), prefix, errors);
        ReadOnly(row, prefix, errors);
        var api = ResourceServerMapping.ToDefinition(row);
        errors.AddRange(api.ToBuilder().Validate().Select(e => e with { Path = prefix + e.Path }));
        return api;
    }

    /// <summary>
    /// One role entry as a definition, or <see langword="null"/> when a permission lacks its API or name; broken rules
    /// go to <paramref name="errors"/> under <paramref name="prefix"/>. Whether each API defines its scope is the
    /// desired state's check.
    /// </summary>
    private static RoleDefinition? ReadRole(ExportedRoleDto row, string prefix, List<ValidationError> errors)
    {
        Unknown(row.AdditionalProperties?.Keys, prefix, errors);
        var builder = Role.Define(row.Name ?? string.Empty);
        if (row.Description is not null)
        {
            builder.WithDescription(row.Description);
        }

        var complete = true;
        var permissions = row.Permissions ?? [];
        for (var k = 0; k < permissions.Count; k++)
        {
            var permission = permissions[k];
            var missing = string.IsNullOrEmpty(permission?.ResourceServerIdentifier) ? RoleFields.ResourceServerIdentifier
                : string.IsNullOrEmpty(permission.PermissionName) ? RoleFields.PermissionName
                : null;
            if (missing is not null)
            {
                errors.Add(Rules.Required($"{prefix}{RoleFields.Permissions}[{k}].{missing}", $"the permission's {missing}"));
                complete = false;
                continue;
            }

            builder.WithPermissionByIdentifier(permission!.ResourceServerIdentifier!, permission.PermissionName!);
        }

        var broken = builder.Validate();
        errors.AddRange(broken.Select(e => e with { Path = prefix + e.Path }));
        return complete && broken.Count == 0 ? builder.Build() : null;
    }

    /// <summary>An error path of the entries under <paramref name="prefix"/> that were read, at the position of that entry in the JSON.</summary>
    private static string AtPosition(string path, string prefix, List<int> positions)
    {
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var end = path.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(path.AsSpan(prefix.Length, end - prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        return $"{prefix}{positions[index]}{path[end..]}";
    }

    /// <summary>Fields a tenant reports but a definition cannot set (a pasted <c>GET</c> answer holds them).</summary>
    private static void ReadOnly(ResourceServerDto row, string prefix, List<ValidationError> errors)
    {
        string?[] present =
        [
            row.Id is null ? null : ApiFields.Id,
            row.IsSystem is null ? null : ApiFields.IsSystem,
            .. row.AdditionalProperties?.Keys.Where(k => ResourceServerTable.Shape.Find(k)?.Access == WireAccess.ReadOnly) ?? [],
        ];
        foreach (var field in present.OfType<string>())
        {
            errors.Add(new ValidationError(prefix + field, RuleCodes.UnsupportedValue, RuleOrigin.Sdk, null,
                $"The field '{field}' is set by the tenant, not by a definition; remove it."));
        }
    }

    private static void Unknown(IEnumerable<string>? fields, string prefix, List<ValidationError> errors)
    {
        foreach (var field in fields ?? [])
        {
            errors.Add(new ValidationError(prefix + field, RuleCodes.UnsupportedValue, RuleOrigin.Sdk, null,
                $"The field '{field}' is not part of a desired state; remove it."));
        }
    }
}
