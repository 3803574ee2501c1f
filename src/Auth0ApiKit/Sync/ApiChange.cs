using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.Sync;

/// <summary>What a plan does to one API, field by field.</summary>
public sealed class ApiChange : SyncChange
{
    internal ApiChange(ChangeKind kind, string identifier, TenantApi? before, ApiDefinition? desired,
        IReadOnlyList<FieldChange> fields, IReadOnlyList<ScopeChange> scopes, string? reason = null, bool isRefused = false)
        : base(kind, isRefused)
    {
        Identifier = identifier;
        Before = before;
        Desired = desired;
        Fields = fields;
        Scopes = scopes;
        Reason = reason;
    }

    /// <summary>The API's identifier: the one it will have, or for a deletion the one it has.</summary>
    public string Identifier { get; }

    /// <summary>
    /// The API as the plan saw it in the tenant (for a replacement of the identifier, the API being replaced);
    /// <see langword="null"/> for a creation. Applying checks that the tenant still holds exactly this.
    /// </summary>
    public TenantApi? Before { get; }

    /// <summary>The desired definition; <see langword="null"/> for a deletion.</summary>
    public ApiDefinition? Desired { get; }

    /// <summary>
    /// The settings that are set or change, in Auth0's field order. For a creation or a replacement, every setting
    /// the desired definition sets; for an update, only those that differ. Scopes are in <see cref="Scopes"/>.
    /// </summary>
    public IReadOnlyList<FieldChange> Fields { get; }

    /// <summary>The scopes added, re-described or removed, matched by value.</summary>
    public IReadOnlyList<ScopeChange> Scopes { get; }

    /// <summary>Why a replacement is needed, in words; <see langword="null"/> for any other change.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string Target => "api " + Identifier;
}
