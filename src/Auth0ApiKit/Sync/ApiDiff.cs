using System.Text.Json;
using System.Globalization;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Turns the bodies the management client would send (<see cref="ResourceServerMapping.ToCreateBody"/>,
/// <see cref="ResourceServerMapping.ToPatchBody"/>) into a plan's field and scope changes. Built on those bodies, a
/// plan shows exactly what an apply sends: "unchanged" means the update would send nothing.
/// </summary>
internal static class ApiDiff
{
    /// <summary>The settings a plan shows, in Auth0's order, each read from a body; the signing secret is handled apart.</summary>
    private static readonly (string Field, Func<ResourceServerDto, string?> Read)[] Settings =
    [
        (F.Name, b => b.Name),
        (F.SigningAlgorithm, b => b.SigningAlgorithm),
        (F.TokenLifetime, b => Text(b.TokenLifetime)),
        (F.TokenLifetimeForWeb, b => Text(b.TokenLifetimeForWeb)),
        (F.AllowOfflineAccess, b => Text(b.AllowOfflineAccess)),
        (F.SkipConsent, b => Text(b.SkipConsentForVerifiableFirstPartyClients)),
        (F.EnforcePolicies, b => Text(b.EnforcePolicies)),
        (F.TokenDialect, b => b.TokenDialect),
    ];

    /// <summary>Every setting and scope a new API gets from <paramref name="desired"/>; the identifier is the change's target.</summary>
    public static (List<FieldChange> Fields, List<ScopeChange> Scopes) ForCreate(ApiDefinition desired)
    {
        var body = ResourceServerMapping.ToCreateBody(desired);
        var fields = Collect(body, before: null, Auth0PropertyBag.Empty);
        var scopes = (desired.Scopes ?? []).Select(s => new ScopeChange(ChangeKind.Create, s.Value, null, s.Description)).ToList();
        return (fields, scopes);
    }

    /// <summary>What an update of <paramref name="current"/> to <paramref name="desired"/> changes; empty when it sends nothing.</summary>
    public static (List<FieldChange> Fields, List<ScopeChange> Scopes, bool HasChanges) ForUpdate(ApiDefinition current, ApiDefinition desired)
    {
        var (body, hasChanges) = ResourceServerMapping.ToPatchBody(current, desired);
        var fields = Collect(body, ResourceServerMapping.InForce(current), current.PropertyBag);
        var scopes = body.Scopes is null ? [] : ScopeChanges(current.Scopes ?? [], desired.Scopes!);
        return (fields, scopes, hasChanges);
    }

    /// <summary>The body's typed settings in Auth0's order, then its Auth0 properties (compact JSON) in name order.</summary>
    private static List<FieldChange> Collect(ResourceServerDto body, ResourceServerDto? before, Auth0PropertyBag beforeProperties)
    {
        var fields = new List<FieldChange>();
        foreach (var (field, read) in Settings)
        {
            if (read(body) is { } after)
            {
                fields.Add(new FieldChange(field, before is null ? null : read(before), after));
            }

            if (field == F.SigningAlgorithm && body.SigningSecret is not null)
            {
                fields.Add(new FieldChange(F.SigningSecret, null, null, isSecret: true));
            }
        }

        foreach (var (name, value) in body.AdditionalProperties?.OrderBy(p => p.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, JsonElement>>())
        {
            var secret = ResourceServerTable.Shape.Find(name)?.Secret == true;
            var was = before is not null && beforeProperties.Values.TryGetValue(name, out var current) ? Auth0PropertyBag.Compact(current) : null;
            fields.Add(secret ? new FieldChange(name, null, null, isSecret: true) : new FieldChange(name, was, Auth0PropertyBag.Compact(value)));
        }

        return fields;
    }

    /// <summary>Scopes matched by value: added and re-described in the desired order, then removed in the current order.</summary>
    private static List<ScopeChange> ScopeChanges(IReadOnlyList<Scope> current, IReadOnlyList<Scope> desired)
    {
        var changes = new List<ScopeChange>();
        foreach (var scope in desired)
        {
            var existing = current.FirstOrDefault(s => s.Value == scope.Value);
            if (existing is null)
            {
                changes.Add(new ScopeChange(ChangeKind.Create, scope.Value, null, scope.Description));
            }
            else if (existing.Description != scope.Description)
            {
                changes.Add(new ScopeChange(ChangeKind.Update, scope.Value, existing.Description, scope.Description));
            }
        }

        changes.AddRange(current.Where(s => desired.All(d => d.Value != s.Value))
            .Select(s => new ScopeChange(ChangeKind.Delete, s.Value, s.Description, null)));
        return changes;
    }

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(bool? value) => value switch { true => "true", false => "false", null => null };
}
