namespace Auth0ApiKit.Management;

/// <summary>A tenant's Management API: its APIs, applications, authorizations, roles and users. Mock it in tests of code that uses it.</summary>
public interface IAuth0ManagementClient
{
    /// <summary>The tenant's APIs (resource servers).</summary>
    IApisClient Apis { get; }

    /// <summary>The tenant's applications (clients).</summary>
    IApplicationsClient Applications { get; }

    /// <summary>The authorizations of applications for APIs (client grants).</summary>
    IAuthorizationsClient Authorizations { get; }

    /// <summary>The tenant's roles, their API permissions and their users.</summary>
    IRolesClient Roles { get; }

    /// <summary>The users of the tenant's database connection, their roles and their direct permissions.</summary>
    IUsersClient Users { get; }
}
