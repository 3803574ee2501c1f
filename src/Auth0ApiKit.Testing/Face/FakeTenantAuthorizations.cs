using Auth0ApiKit.Management;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing;

/// <summary>The authorizations (client grants) of a fake tenant, for seeding and inspecting.</summary>
public sealed class FakeTenantAuthorizations
{
    private readonly TenantStore _store;
    private readonly ClientGrantsEndpoint _endpoint;

    internal FakeTenantAuthorizations(TenantStore store)
    {
        _store = store;
        _endpoint = new ClientGrantsEndpoint(store);
    }

    /// <summary>Every authorization, in creation order.</summary>
    public IReadOnlyList<TenantAuthorization> All
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.ClientGrants.Rows.Select(AuthorizationsClient.ToTenantAuthorization)];
            }
        }
    }

    /// <summary>Authorizes an application for an API with some scopes, as <c>POST /api/v2/client-grants</c> would.</summary>
    /// <exception cref="FakeTenantException">The application or API is unknown, or the application is already authorized.</exception>
    public TenantAuthorization Authorize(string clientId, string apiIdentifier, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        ArgumentNullException.ThrowIfNull(scopes);
        var response = _endpoint.Create(new ClientGrantDto { ClientId = clientId, Audience = apiIdentifier, Scope = [.. scopes] });
        FaceErrors.ThrowUnless(response, 201);
        return AuthorizationsClient.ToTenantAuthorization((ClientGrantDto)response.Value!);
    }

    /// <summary>The application's authorization for the API, or <see langword="null"/>.</summary>
    public TenantAuthorization? Find(string clientId, string apiIdentifier)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        lock (_store.Gate)
        {
            return _store.FindGrant(clientId, apiIdentifier, ClientGrantFields.ClientSubjectType) is { } row ? AuthorizationsClient.ToTenantAuthorization(row) : null;
        }
    }

    /// <summary>Revokes the application's authorization for the API; one that is not there is ignored.</summary>
    /// <returns>Whether an authorization was revoked.</returns>
    public bool Revoke(string clientId, string apiIdentifier)
    {
        lock (_store.Gate)
        {
            if (Find(clientId, apiIdentifier) is not { } grant)
            {
                return false;
            }

            _endpoint.Delete(grant.Id);
            return true;
        }
    }

}
