using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ClientCredentialFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// <c>/api/v2/clients/{id}/credentials</c>: an application's public keys and certificates, stored as Auth0 stores them.
/// A public key's <c>kid</c> defaults to its RFC 7638 JWK thumbprint; answers never carry the PEM; the list is a bare
/// array that ignores paging; a PATCH changes only <c>expires_at</c>; timestamps come from the tenant's clock.
/// </summary>
internal sealed class ClientCredentialsEndpoint
{
    private const string CertificateLabel = "-----BEGIN CERTIFICATE-----";

    private readonly TenantStore _store;
    private readonly TimeProvider _time;

    public ClientCredentialsEndpoint(TenantStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public FakeResponse List(string clientId)
    {
        lock (_store.Gate)
        {
            return _store.Clients.TryGet(clientId, out _)
                ? FakeResponse.Json(200, _store.ClientCredentials.Of(clientId).Select(Present).ToList(), WireJson.Context.ListClientCredentialDto)
                : ClientNotFound();
        }
    }

    public FakeResponse Get(string clientId, string credentialId)
    {
        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(clientId, out _))
            {
                return ClientNotFound();
            }

            return _store.ClientCredentials.TryGet(clientId, credentialId, out var row)
                ? FakeResponse.Json(200, Present(row), WireJson.Context.ClientCredentialDto)
                : CredentialNotFound();
        }
    }

    public FakeResponse Create(FakeRequest request, string clientId)
    {
        if (JsonBody.Read(request, ClientCredentialTable.Shape, WireOperation.Create, out var body) is { } bodyError)
        {
            return bodyError;
        }

        if (Describe(body.Deserialize(WireJson.Context.ClientCredentialDto)!, out var row) is { } error)
        {
            return error;
        }

        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(clientId, out _))
            {
                return ClientNotFound();
            }

            row!.Id = _store.Ids.ClientCredentialId();
            row.CreatedAt = row.UpdatedAt = Timestamp(_time.GetUtcNow());
            _store.AddClientCredential(clientId, row);
            return FakeResponse.Json(201, Present(row), WireJson.Context.ClientCredentialDto);
        }
    }

    /// <summary>Sets the expiry (or clears it with <c>null</c>) and bumps <c>updated_at</c>; answers 200 with the credential.</summary>
    public FakeResponse Update(FakeRequest request, string clientId, string credentialId)
    {
        if (JsonBody.Read(request, ClientCredentialTable.Shape, WireOperation.Update, out var body) is { } bodyError)
        {
            return bodyError;
        }

        var expiresAt = Expiry(body.GetProperty(F.ExpiresAt).GetString());
        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(clientId, out _))
            {
                return ClientNotFound();
            }

            if (!_store.ClientCredentials.TryGet(clientId, credentialId, out var current))
            {
                return CredentialNotFound();
            }

            var updated = Copy(current);
            updated.ExpiresAt = expiresAt;
            updated.UpdatedAt = Timestamp(_time.GetUtcNow());
            _store.ReplaceClientCredential(clientId, updated);
            return FakeResponse.Json(200, Present(updated), WireJson.Context.ClientCredentialDto);
        }
    }

    /// <summary>Removes a credential; 204 whether or not it (or its application) exists, as Auth0 answers.</summary>
    public FakeResponse Delete(string clientId, string credentialId)
    {
        lock (_store.Gate)
        {
            _store.RemoveClientCredential(clientId, credentialId);
            return FakeResponse.Empty(204);
        }
    }

    private static FakeResponse ClientNotFound() => ManagementErrors.Error(404, "Client not found", "inexistent_client");

    private static FakeResponse CredentialNotFound() => ManagementErrors.Error(404, "Credential does not exist", "inexistent_credential");

    /// <summary>
    /// The stored credential a valid body describes: a public key's <c>kid</c> and <c>alg</c>, a certificate's
    /// thumbprint, a subject DN (given, or read from the certificate), the expiry (given, or read from the certificate).
    /// </summary>
    private static FakeResponse? Describe(ClientCredentialDto body, out ClientCredentialDto? row)
    {
        row = null;
        if (body.Pem is not null && body.SubjectDn is not null)
        {
            return ManagementErrors.InvalidBody($"{F.Pem} and {F.SubjectDn} cannot both be set");
        }

        if (body.Pem is null && !(body.CredentialType == F.CertSubjectDnType && body.SubjectDn is not null))
        {
            return RuleResponses.FirstOrNull([Rules.Required(F.Pem, "the PEM")]);
        }

        using var certificate = body.Pem is not null && body.Pem.Contains(CertificateLabel, StringComparison.Ordinal) ? ReadCertificate(body.Pem) : null;
        using var key = body.CredentialType == F.PublicKeyType ? (certificate is null ? ReadKey(body.Pem!) : certificate.GetRSAPublicKey()) : null;
        if (body.CredentialType == F.PublicKeyType ? key is null : body.Pem is not null && certificate is null)
        {
            return ManagementErrors.InvalidBody(body.CredentialType == F.PublicKeyType
                ? "Expected an RSA public key or certificate in PEM format"
                : "Expected an X.509 certificate in PEM format", F.Pem);
        }

        if (body.ParseExpiryFromCert == true && certificate is null)
        {
            return ManagementErrors.InvalidBody($"{F.ParseExpiryFromCert} needs a certificate in {F.Pem}", F.ParseExpiryFromCert);
        }

        row = new ClientCredentialDto
        {
            CredentialType = body.CredentialType,
            Kid = key is null ? null : body.Kid ?? JwkThumbprint(key),
            Alg = key is null ? null : body.Alg ?? F.DefaultAlg,
            Name = body.Name ?? string.Empty,
            SubjectDn = body.CredentialType == F.CertSubjectDnType ? body.SubjectDn ?? certificate!.Subject : null,
            ThumbprintSha256 = body.CredentialType == F.X509CertType ? Base64Url.EncodeToString(SHA256.HashData(certificate!.RawData)) : null,
            Pem = body.Pem,
            ExpiresAt = body.ParseExpiryFromCert == true ? Timestamp(certificate!.NotAfter.ToUniversalTime()) : Expiry(body.ExpiresAt),
        };
        return null;
    }

    private static X509Certificate2? ReadCertificate(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static RSA? ReadKey(string pem)
    {
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    /// <summary>The RFC 7638 thumbprint of an RSA public key: SHA-256 over <c>{"e","kty","n"}</c>, base64url, 43 characters.</summary>
    private static string JwkThumbprint(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var members = $$"""{"e":"{{Base64Url.EncodeToString(parameters.Exponent)}}","kty":"RSA","n":"{{Base64Url.EncodeToString(parameters.Modulus)}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(members)));
    }

    /// <summary>A checked <c>expires_at</c> as Auth0 writes it (UTC, milliseconds), or null for none.</summary>
    private static string? Expiry(string? value) =>
        value is null ? null : Timestamp(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

    private static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The credential as answers show it: without the PEM.</summary>
    private static ClientCredentialDto Present(ClientCredentialDto row)
    {
        var copy = Copy(row);
        copy.Pem = null;
        return copy;
    }

    private static ClientCredentialDto Copy(ClientCredentialDto row) => new()
    {
        Id = row.Id,
        CredentialType = row.CredentialType,
        Kid = row.Kid,
        Alg = row.Alg,
        Name = row.Name,
        SubjectDn = row.SubjectDn,
        ThumbprintSha256 = row.ThumbprintSha256,
        Pem = row.Pem,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ExpiresAt = row.ExpiresAt,
    };
}
