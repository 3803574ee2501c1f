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
    public const string DefaultFor = "default_for";

    /// <summary>The only <c>default_for</c> value: the grant applies to every third-party client.</summary>
    public const string ThirdPartyClients = "third_party_clients";

    /// <summary>The path of one scope of a grant, such as <c>scope[1]</c>.</summary>
    public static string ScopeAt(int index) => $"{Scope}[{index}]";
}
