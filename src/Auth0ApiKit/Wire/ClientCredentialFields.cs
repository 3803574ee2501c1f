namespace Auth0ApiKit.Wire;

/// <summary>The JSON names and values of a client credential's fields (<c>/api/v2/clients/{id}/credentials</c>).</summary>
internal static class ClientCredentialFields
{
    public const string Id = "id";
    public const string CredentialType = "credential_type";
    public const string Name = "name";
    public const string Pem = "pem";
    public const string SubjectDn = "subject_dn";
    public const string Alg = "alg";
    public const string Kid = "kid";
    public const string ParseExpiryFromCert = "parse_expiry_from_cert";
    public const string ExpiresAt = "expires_at";
    public const string ThumbprintSha256 = "thumbprint_sha256";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";

    /// <summary>A public key (or a certificate's) for <c>private_key_jwt</c> or signed request objects.</summary>
    public const string PublicKeyType = "public_key";

    /// <summary>A CA-issued certificate's subject DN for mTLS (<c>tls_client_auth</c>).</summary>
    public const string CertSubjectDnType = "cert_subject_dn";

    /// <summary>A self-signed certificate for mTLS (<c>self_signed_tls_client_auth</c>).</summary>
    public const string X509CertType = "x509_cert";

    /// <summary>The <c>alg</c> of a public key when none is sent.</summary>
    public const string DefaultAlg = "RS256";
}
