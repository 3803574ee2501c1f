namespace Auth0ApiKit.Management;

/// <summary>How a user came to hold a permission (Auth0's <c>source_type</c>).</summary>
public enum PermissionSourceKind
{
    /// <summary>Assigned to the user directly (<c>DIRECT</c>).</summary>
    Direct = 0,

    /// <summary>Granted by a role the user has (<c>ROLE</c>).</summary>
    Role = 1,
}
