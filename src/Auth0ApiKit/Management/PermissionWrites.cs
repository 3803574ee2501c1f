using Auth0ApiKit.Roles;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>Adding and removing permissions, the same body for a role's and a user's: <c>{"permissions":[...]}</c>.</summary>
internal static class PermissionWrites
{
    /// <summary>Adds (POST) or removes (DELETE) permissions at <paramref name="path"/>; Auth0 wants at least one per call, so none sends nothing.</summary>
    public static async Task SendAsync(ManagementConnection connection, HttpMethod method, string path, IEnumerable<ApiPermission> permissions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var rows = permissions.Select(p => new PermissionDto
        {
            PermissionName = p?.Name ?? throw new ArgumentNullException(nameof(permissions)),
            ResourceServerIdentifier = p.ApiIdentifier,
        }).ToList();
        if (rows.Count > 0)
        {
            await connection.SendAsync(method, path,
                ManagementConnection.Json(new PermissionsBodyDto { Permissions = rows }, WireJson.Context.PermissionsBodyDto), cancellationToken).ConfigureAwait(false);
        }
    }
}
