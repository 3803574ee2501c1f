using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth0ApiKit.Sync;

/// <summary>Writes a plan as indented JSON through source-generated metadata (AOT-safe). Secrets carry no values.</summary>
internal static class PlanJson
{
    /// <summary>The context attribute's settings plus the relaxed encoder, which an attribute cannot set.</summary>
    private static readonly SyncJsonContext Context = new(new JsonSerializerOptions(SyncJsonContext.Default.Options)
    {
        TypeInfoResolver = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(SyncPlan plan)
    {
        var options = plan.OptionsSnapshot;
        var dto = new PlanDto
        {
            Summary = new PlanSummaryDto
            {
                Create = plan.Count(ChangeKind.Create),
                Update = plan.Count(ChangeKind.Update),
                Replace = plan.Count(ChangeKind.Replace),
                Delete = plan.Count(ChangeKind.Delete),
                Unchanged = plan.Count(ChangeKind.Unchanged),
                Refused = plan.Changes.Count(c => c.IsRefused),
            },
            Options = new PlanOptionsDto { Prune = options.Prune, AllowReplacement = options.AllowReplacement, MaxConcurrency = options.MaxConcurrency },
            Changes = [.. plan.Changes.Select(ToDto)],
        };
        return JsonSerializer.Serialize(dto, Context.PlanDto);
    }

    private static PlanChangeDto ToDto(SyncChange change)
    {
        var dto = new PlanChangeDto { Action = change.Kind.ToString().ToLowerInvariant(), Refused = change.IsRefused ? true : null };
        switch (change)
        {
            case ApiChange api:
                dto.Resource = "api";
                dto.Identifier = api.Identifier;
                dto.Replaces = api.Kind == ChangeKind.Replace && api.Before!.Identifier != api.Identifier ? api.Before.Identifier : null;
                dto.Reason = api.Reason;
                dto.Fields = api.Fields.Count == 0 ? null : [.. api.Fields.Select(f => new PlanFieldDto
                {
                    Field = f.Field,
                    Before = f.Before,
                    After = f.After,
                    Secret = f.IsSecret ? true : null,
                })];
                dto.Scopes = api.Scopes.Count == 0 ? null : [.. api.Scopes.Select(s => new PlanScopeDto
                {
                    Action = s.Kind.ToString().ToLowerInvariant(),
                    Value = s.Value,
                    Before = s.BeforeDescription,
                    After = s.AfterDescription,
                })];
                break;
            case AuthorizationChange authorization:
                dto.Resource = "authorization";
                dto.ClientId = authorization.ClientId;
                dto.Application = authorization.ApplicationName;
                dto.Audience = authorization.ApiIdentifier;
                dto.Before = authorization.Before is null ? null : [.. authorization.Before.Scopes];
                dto.After = authorization.Scopes is null ? null : [.. authorization.Scopes];
                break;
            case RoleChange role:
                dto.Resource = "role";
                dto.Name = role.Name;
                dto.Fields = role.Fields.Count == 0 ? null : [.. role.Fields.Select(f => new PlanFieldDto { Field = f.Field, Before = f.Before, After = f.After })];
                dto.Permissions = role.AddedPermissions.Count + role.RemovedPermissions.Count == 0 ? null :
                [
                    .. role.AddedPermissions.Select(p => Permission(ChangeKind.Create, p)),
                    .. role.RemovedPermissions.Select(p => Permission(ChangeKind.Delete, p)),
                ];
                break;
        }

        return dto;
    }

    private static PlanPermissionDto Permission(ChangeKind kind, Roles.ApiPermission permission) =>
        new() { Action = kind.ToString().ToLowerInvariant(), Audience = permission.ApiIdentifier, Permission = permission.Name };
}

internal sealed class PlanDto
{
    public PlanSummaryDto? Summary { get; set; }

    public PlanOptionsDto? Options { get; set; }

    public List<PlanChangeDto>? Changes { get; set; }
}

internal sealed class PlanSummaryDto
{
    public int Create { get; set; }

    public int Update { get; set; }

    public int Replace { get; set; }

    public int Delete { get; set; }

    public int Unchanged { get; set; }

    public int Refused { get; set; }
}

internal sealed class PlanOptionsDto
{
    public bool Prune { get; set; }

    public bool AllowReplacement { get; set; }

    public int MaxConcurrency { get; set; }
}

/// <summary>One entry: an API's fields and scopes, an authorization's granted scopes before and after, or a role's description and permissions.</summary>
internal sealed class PlanChangeDto
{
    public string? Resource { get; set; }

    public string? Action { get; set; }

    public bool? Refused { get; set; }

    public string? Identifier { get; set; }

    public string? Name { get; set; }

    public string? Replaces { get; set; }

    public string? Reason { get; set; }

    public List<PlanFieldDto>? Fields { get; set; }

    public List<PlanScopeDto>? Scopes { get; set; }

    public string? ClientId { get; set; }

    public string? Application { get; set; }

    public string? Audience { get; set; }

    public List<string>? Before { get; set; }

    public List<string>? After { get; set; }

    public List<PlanPermissionDto>? Permissions { get; set; }
}

/// <summary>A permission a role gains (<c>create</c>) or loses (<c>delete</c>): the API's identifier and the scope.</summary>
internal sealed class PlanPermissionDto
{
    public string? Action { get; set; }

    public string? Audience { get; set; }

    public string? Permission { get; set; }
}

internal sealed class PlanFieldDto
{
    public string? Field { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public bool? Secret { get; set; }
}

internal sealed class PlanScopeDto
{
    public string? Action { get; set; }

    public string? Value { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}

/// <summary>Source-generated metadata of the plan's JSON. The settings that matter are passed in by <see cref="PlanJson"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(PlanDto))]
internal sealed partial class SyncJsonContext : JsonSerializerContext
{
}
