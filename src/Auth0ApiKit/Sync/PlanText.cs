using System.Text;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Renders plans for people, in the manner of <c>terraform plan</c>: <c>+</c> create, <c>~</c> update, <c>-</c>
/// delete, <c>-/+</c> replace, one line per field (<c>token_lifetime: 86400 -> 7200</c>). Secrets show only as
/// <c>(set)</c> or <c>(changed)</c>.
/// </summary>
internal static class PlanText
{
    private const string FieldIndent = "      ";
    private const string ScopeIndent = "        ";

    /// <summary>Fields whose values are text, shown in quotes; the others are numbers and flags.</summary>
    private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal)
    {
        F.Name, F.Identifier, F.SigningAlgorithm, F.TokenDialect, Wire.RoleFields.Description,
    };

    public static string Render(SyncPlan plan)
    {
        var text = new StringBuilder();
        var unchanged = plan.Count(ChangeKind.Unchanged);
        if (plan.IsEmpty)
        {
            return $"No changes: the tenant matches the desired state ({unchanged} unchanged).";
        }

        text.Append("Plan: ")
            .Append(plan.Count(ChangeKind.Create)).Append(" to create, ")
            .Append(plan.Count(ChangeKind.Update)).Append(" to update, ")
            .Append(plan.Count(ChangeKind.Replace)).Append(" to replace, ")
            .Append(plan.Count(ChangeKind.Delete)).Append(" to delete, ")
            .Append(unchanged).Append(" unchanged.");
        var refused = plan.Changes.Count(c => c.IsRefused);
        if (refused > 0)
        {
            text.AppendLine().Append("Refused: ").Append(refused).Append(refused == 1 ? " replacement" : " replacements")
                .Append(" (replacing an API invalidates every token it issued); plan again with SyncOptions.AllowReplacement to apply this plan.");
        }

        foreach (var change in plan.Changes.Where(c => c.Kind != ChangeKind.Unchanged))
        {
            text.AppendLine().AppendLine().Append(Symbol(change.Kind).PadLeft(3)).Append(' ').Append(Describe(change));
            switch (change)
            {
                case ApiChange api:
                    AppendApi(text, api);
                    break;
                case AuthorizationChange authorization when authorization.Kind != ChangeKind.Delete:
                    text.AppendLine().Append(FieldIndent).Append("scopes: ");
                    if (authorization.Kind == ChangeKind.Update)
                    {
                        text.Append(List(authorization.Before!.Scopes)).Append(" -> ");
                    }

                    text.Append(List(authorization.Scopes!));
                    break;
                case RoleChange role when role.Kind != ChangeKind.Delete:
                    AppendRole(text, role);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>One line for a change: <c>~ api https://orders.example.com (update)</c>.</summary>
    public static string Headline(SyncChange change) => $"{Symbol(change.Kind)} {Describe(change)}";

    /// <summary>A field as a line, for <see cref="FieldChange.ToString"/>.</summary>
    public static string Field(FieldChange field) => Field(field, ChangeKind.Update);

    /// <summary>A scope as a line, for <see cref="ScopeChange.ToString"/>.</summary>
    public static string Scope(ScopeChange scope) => scope.Kind switch
    {
        ChangeKind.Create => $"+ {scope.Value}{Description(scope.AfterDescription)}",
        ChangeKind.Delete => $"- {scope.Value}",
        _ => $"~ {scope.Value} {Optional(scope.BeforeDescription)} -> {Optional(scope.AfterDescription)}",
    };

    private static string Describe(SyncChange change)
    {
        var kind = change.Kind.ToString().ToLowerInvariant();
        var headline = $"{change.Target} ({kind}{(change.IsRefused ? ", refused" : string.Empty)})";
        return change is ApiChange { Reason: { } reason } ? $"{headline}: {reason}" : headline;
    }

    private static void AppendApi(StringBuilder text, ApiChange api)
    {
        foreach (var field in api.Fields)
        {
            text.AppendLine().Append(FieldIndent).Append(Field(field, api.Kind));
        }

        if (api.Scopes.Count > 0)
        {
            text.AppendLine().Append(FieldIndent).Append("scopes:");
            foreach (var scope in api.Scopes)
            {
                text.AppendLine().Append(ScopeIndent).Append(Scope(scope));
            }
        }
    }

    private static void AppendRole(StringBuilder text, RoleChange role)
    {
        foreach (var field in role.Fields)
        {
            text.AppendLine().Append(FieldIndent).Append(Field(field, role.Kind));
        }

        if (role.AddedPermissions.Count + role.RemovedPermissions.Count > 0)
        {
            text.AppendLine().Append(FieldIndent).Append("permissions:");
            foreach (var (symbol, permission) in role.AddedPermissions.Select(p => ('+', p)).Concat(role.RemovedPermissions.Select(p => ('-', p))))
            {
                text.AppendLine().Append(ScopeIndent).Append(symbol).Append(' ').Append(permission);
            }
        }
    }

    private static string Field(FieldChange field, ChangeKind kind)
    {
        if (field.IsSecret)
        {
            return $"{field.Field}: {(kind == ChangeKind.Update ? "(changed)" : "(set)")}";
        }

        var after = Value(field.Field, field.After);
        return field.Before is null ? $"{field.Field}: {after}" : $"{field.Field}: {Value(field.Field, field.Before)} -> {after}";
    }

    private static string Value(string field, string? value) =>
        value is null ? "(none)" : TextFields.Contains(field) ? Literals.Quote(value) : value;

    private static string Description(string? description) => description is null ? string.Empty : " " + Literals.Quote(description);

    private static string Optional(string? description) => description is null ? "(none)" : Literals.Quote(description);

    private static string List(IReadOnlyList<string> scopes) => "[" + string.Join(" ", scopes) + "]";

    private static string Symbol(ChangeKind kind) => kind switch
    {
        ChangeKind.Create => "+",
        ChangeKind.Update => "~",
        ChangeKind.Replace => "-/+",
        ChangeKind.Delete => "-",
        _ => "=",
    };
}
