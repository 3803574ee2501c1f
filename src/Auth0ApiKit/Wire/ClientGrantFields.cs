namespace Auth0ApiKit.Wire;

/// <summary>The JSON names of a client grant's (an authorization's) fields.</summary>
internal static class ClientGrantFields
{
    public const string Id = "id";
    public const string SubjectType = "subject_type";

    /// <summary>The <c>subject_type</c> of an application's own authorization (the client-credentials kind).</summary>
    public const string ClientSubjectType = "client";

    /// <summary>The <c>subject_type</c> of an authorization for users.</summary>
    public const string UserSubjectType = "user";
    public const string ClientId = "client_id";
    public const string Audience = "audience";
    public const string Scope = "scope";

    // Fields the SDK does not model (they round-trip as additional properties).
    public const string AllowAnyOrganization = "allow_any_organization";
    /// <summary>The kind of applications a grant without <c>client_id</c> applies to (<c>third_party_clients</c>).</summary>
    public const string DefaultFor = "default_for";

    /// <summary>The only <c>default_for</c> value: the grant applies to every third-party client.</summary>
    public const string ThirdPartyClients = "third_party_clients";

    /// <summary>Whether the grant allows every scope of its API; when true, Auth0 answers without <c>scope</c>.</summary>
    public const string AllowAllScopes = "allow_all_scopes";


    /// <summary>The path of one scope of a grant, such as <c>scope[1]</c>.</summary>
    public static string ScopeAt(int index) => $"{Scope}[{index}]";
}
