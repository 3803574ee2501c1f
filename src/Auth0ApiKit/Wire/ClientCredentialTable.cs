using System.Globalization;
using System.Text.RegularExpressions;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ClientCredentialFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// Every property of a client credential (<c>/api/v2/clients/{id}/credentials</c>) that Auth0's Management API
/// accepts or returns, with Auth0's rule (AUTH0-SCHEMAS.md, credentials). Create is closed with <c>credential_type</c>
/// required; PATCH is closed, needs one property and may only set or clear (<c>null</c>) <c>expires_at</c>.
/// </summary>
internal static partial class ClientCredentialTable
{
    private const string KeyIdPattern = "^([0-9a-zA-Z-_]{10,64})$";

    private static readonly WireField Name = WireField.String(F.Name).Length(0, 128);
    private static readonly WireField Pem = WireField.String(F.Pem);
    private static readonly WireField Alg = WireField.String(F.Alg).OneOf(F.DefaultAlg, "RS384", "PS256");
    private static readonly WireField ParseExpiryFromCert = WireField.Boolean(F.ParseExpiryFromCert);
    private static readonly WireField ExpiresAt = WireField.String(F.ExpiresAt).Formatted("date-time", IsDateTime);
    private static readonly WireField Kid = WireField.String(F.Kid).Length(10, 64).Matching(KeyIdPattern, IsKeyId);

    /// <summary>The credential's properties, in the order Auth0 returns them.</summary>
    public static WireShape Shape { get; } = new(
        WireField.String(F.Id).ReadOnly(),
        WireField.String(F.CredentialType).OneOf(F.PublicKeyType, F.CertSubjectDnType, F.X509CertType).IsRequired().CreateOnly(),
        Kid.CreateOnly(),
        Alg.CreateOnly(),
        Name.CreateOnly(),
        WireField.String(F.SubjectDn).Length(1, 256).CreateOnly(),
        WireField.String(F.ThumbprintSha256).ReadOnly(),
        Pem.CreateOnly(),
        ParseExpiryFromCert.CreateOnly(),
        WireField.String(F.CreatedAt).ReadOnly(),
        WireField.String(F.UpdatedAt).ReadOnly(),
        ExpiresAt.NullableOnUpdate())
    {
        MinUpdateProperties = 1,
    };

    /// <summary>A public key as a client's create sends it in full under <c>client_authentication_methods.private_key_jwt</c>.</summary>
    public static WireShape PublicKeyShape { get; } = new(
        WireField.String(F.CredentialType).OneOf(F.PublicKeyType).IsRequired(),
        Name,
        Pem.IsRequired(),
        Alg,
        ParseExpiryFromCert,
        ExpiresAt,
        Kid);

    /// <summary>An RFC 3339 <c>date-time</c>, as JSON-schema's format checks it, that .NET reads as an instant.</summary>
    private static bool IsDateTime(string text) =>
        DateTimeRegex().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static bool IsKeyId(string kid)
    {
        foreach (var c in kid)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();
}
