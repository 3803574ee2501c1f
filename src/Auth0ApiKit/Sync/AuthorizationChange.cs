using Auth0ApiKit.Management;

namespace Auth0ApiKit.Sync;

/// <summary>
/// What a plan does to one authorization of an application for an API (a client grant with subject type
/// <c>client</c>), matched on the client id and the API's identifier. An update changes only the granted scopes.
/// </summary>
public sealed class AuthorizationChange : SyncChange
{
    internal AuthorizationChange(ChangeKind kind, string clientId, string? applicationName, string apiIdentifier,
        TenantAuthorization? before, IReadOnlyList<string>? scopes)
        : base(kind, isRefused: false)
    {
        ClientId = clientId;
        ApplicationName = applicationName;
        ApiIdentifier = apiIdentifier;
        Before = before;
        Scopes = scopes;
        var had = before?.Scopes ?? [];
        var will = scopes ?? [];
        AddedScopes = [.. will.Where(s => !had.Contains(s, StringComparer.Ordinal))];
        RemovedScopes = [.. had.Where(s => !will.Contains(s, StringComparer.Ordinal))];
    }

    /// <summary>The authorized application's client id.</summary>
    public string ClientId { get; }

    /// <summary>The application's name in the tenant, for people to read.</summary>
    public string? ApplicationName { get; }

    /// <summary>The identifier (audience) of the API.</summary>
    public string ApiIdentifier { get; }

    /// <summary>The authorization as the plan saw it in the tenant; <see langword="null"/> for a creation.</summary>
    public TenantAuthorization? Before { get; }

    /// <summary>The scopes it will grant; <see langword="null"/> for a deletion.</summary>
    public IReadOnlyList<string>? Scopes { get; }

    /// <summary>The scopes granted that were not before (all of them for a creation).</summary>
    public IReadOnlyList<string> AddedScopes { get; }

    /// <summary>The scopes no longer granted (all of them for a deletion).</summary>
    public IReadOnlyList<string> RemovedScopes { get; }

    /// <inheritdoc />
    public override string Target =>
        $"authorization {(ApplicationName is null ? string.Empty : ApplicationName + " ")}(client {ClientId}) -> {ApiIdentifier}";
}
