namespace Auth0ApiKit.Management;

/// <summary>
/// One row of the dashboard's "Machine to Machine Applications" view of an API: an application that may use the
/// client-credentials grant, and whether (and with which scopes) it is authorized for the API. Read-only, compared by
/// reference; tests build one with <see cref="Auth0ModelFactory.MachineToMachineAccess"/>.
/// </summary>
public sealed class MachineToMachineAccess
{
    internal MachineToMachineAccess(TenantApplication application, TenantAuthorization? authorization)
    {
        Application = application;
        Authorization = authorization;
    }

    /// <summary>The application.</summary>
    public TenantApplication Application { get; }

    /// <summary>Its authorization for the API, or <see langword="null"/> when it has none.</summary>
    public TenantAuthorization? Authorization { get; }

    /// <summary>Whether the application is authorized for the API.</summary>
    public bool IsAuthorized => Authorization is not null;

    /// <summary>The scopes granted (empty when not authorized).</summary>
    public IReadOnlyList<string> Scopes => Authorization?.Scopes ?? [];

    /// <summary>The application and its scopes, such as <c>Application 'billing' (...): authorized [read:orders]</c>. Never the secret.</summary>
    public override string ToString() => $"{Application}: {(IsAuthorized ? $"authorized [{string.Join(' ', Scopes)}]" : "not authorized")}";
}
