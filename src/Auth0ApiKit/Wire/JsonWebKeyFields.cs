namespace Auth0ApiKit.Wire;

/// <summary>The names of the fields of a JSON Web Key (RFC 7517, 7518) and a key set: the one place that spells them.</summary>
internal static class JsonWebKeyFields
{
    public const string Keys = "keys";
    public const string Algorithm = "alg";
    public const string KeyType = "kty";
    public const string Use = "use";
    public const string Modulus = "n";
    public const string Exponent = "e";
    public const string KeyId = "kid";
    public const string CertificateThumbprint = "x5t";
    public const string CertificateChain = "x5c";

    // RSA private parameters.
    public const string PrivateExponent = "d";
    public const string FirstPrime = "p";
    public const string SecondPrime = "q";
    public const string FirstFactorExponent = "dp";
    public const string SecondFactorExponent = "dq";
    public const string Coefficient = "qi";

    /// <summary>The <c>kty</c> of an RSA key.</summary>
    public const string RsaKeyType = "RSA";

    /// <summary>The <c>use</c> of a signing key.</summary>
    public const string SignatureUse = "sig";
}
