using Auth0ApiKit.Management;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing;

/// <summary>The APIs of a fake tenant, for seeding and inspecting. Seeding applies Auth0's server rules and defaults.</summary>
public sealed class FakeTenantApis
{
    private readonly TenantStore _store;
    private readonly ResourceServersEndpoint _endpoint;

    internal FakeTenantApis(TenantStore store)
    {
        _store = store;
        _endpoint = new ResourceServersEndpoint(store);
    }

    /// <summary>The system API (the Auth0 Management API), present from the start.</summary>
    public TenantApi System => Find(_store.ManagementAudience)!;

    /// <summary>Every API, the system API first, in creation order.</summary>
    public IReadOnlyList<TenantApi> All
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.ResourceServers.Rows.Select(ApisClient.ToTenantApi)];
            }
        }
    }

    /// <summary>Creates an API as <c>POST /api/v2/resource-servers</c> would.</summary>
    /// <exception cref="FakeTenantException">The tenant refuses it (a duplicate identifier, a broken server rule).</exception>
    public TenantApi Add(ApiDefinition api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var response = _endpoint.Create(ResourceServerMapping.ToCreateBody(api));
        FaceErrors.ThrowUnless(response, 201);
        return ApisClient.ToTenantApi((ResourceServerDto)response.Value!);
    }

    /// <summary>The API with this identifier (or id), or <see langword="null"/>.</summary>
    public TenantApi? Find(string identifierOrId)
    {
        ArgumentNullException.ThrowIfNull(identifierOrId);
        lock (_store.Gate)
        {
            return _store.FindResourceServer(identifierOrId) is { } row ? ApisClient.ToTenantApi(row) : null;
        }
    }

    /// <summary>Deletes an API and its authorizations; deleting one that is not there does nothing.</summary>
    /// <returns>Whether an API was deleted.</returns>
    /// <exception cref="FakeTenantException">It is the system API.</exception>
    public bool Remove(string identifierOrId)
    {
        ArgumentNullException.ThrowIfNull(identifierOrId);
        lock (_store.Gate)
        {
            var existed = _store.FindResourceServer(identifierOrId) is not null;
            FaceErrors.ThrowUnless(_endpoint.Delete(identifierOrId), 204);
            return existed;
        }
    }

}
