namespace Auth0ApiKit.Management;

/// <summary>
/// One row of the dashboard's "Machine to Machine Applications" view of an API: an application that may use the
/// client-credentials grant, and whether (and with which scopes) it is authorized for the API.
/// </summary>
/// <param name="Application">The application.</param>
/// <param name="Authorization">Its authorization for the API, or <see langword="null"/> when it has none.</param>
public sealed record MachineToMachineAccess(TenantApplication Application, TenantAuthorization? Authorization)
{
    /// <summary>Whether the application is authorized for the API.</summary>
    public bool IsAuthorized => Authorization is not null;

    /// <summary>The scopes granted (empty when not authorized).</summary>
    public IReadOnlyList<string> Scopes => Authorization?.Scopes ?? [];
}
