using System.Text.Json;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing;

/// <summary>
/// The applications of a fake tenant, for seeding and inspecting. The tenant's global client ("All Applications"), which
/// every tenant has and no one defines, is not one of them: the Management API lists it, this face does not.
/// </summary>
public sealed class FakeTenantApplications
{
    private readonly TenantStore _store;
    private readonly ClientsEndpoint _endpoint;

    internal FakeTenantApplications(TenantStore store)
    {
        _store = store;
        _endpoint = new ClientsEndpoint(store);
    }

    /// <summary>Every application, in creation order.</summary>
    public IReadOnlyList<FakeApplication> All
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.Clients.Rows.Where(c => !ClientMapping.IsGlobal(c)).Select(ToFake)];
            }
        }
    }

    /// <summary>Creates a machine-to-machine application (client credentials enabled).</summary>
    public FakeApplication AddMachineToMachine(string name) => Add(Application.Define(name, ApplicationKind.MachineToMachine).Build());

    /// <summary>Creates an application of a kind, with the kind's defaults.</summary>
    public FakeApplication Add(string name, ApplicationKind kind) => Add(Application.Define(name, kind).Build());

    /// <summary>Creates an application as <c>POST /api/v2/clients</c> would.</summary>
    /// <exception cref="FakeTenantException">The tenant refuses it.</exception>
    public FakeApplication Add(ApplicationDefinition application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var response = _endpoint.Create(ClientMapping.ToCreateBody(application));
        FaceErrors.ThrowUnless(response, 201);
        return ToFake((ClientDto)response.Value!);
    }

    /// <summary>
    /// Adds an application with a client id and secret of your choosing (for fixed credentials in scripts), as
    /// Auth0 would create it otherwise.
    /// </summary>
    /// <exception cref="FakeTenantException">The client id is taken, or the tenant refuses the application.</exception>
    public FakeApplication Add(ApplicationDefinition application, string clientId, Secret clientSecret) =>
        Add(application, clientId, clientSecret, auth0Properties: null);

    /// <summary>
    /// As <see cref="Add(ApplicationDefinition, string, Secret)"/>, with client properties the definition does not model
    /// (an object in Auth0's names, such as a seed's <c>web_origins</c>) written into the create body, which the tenant
    /// checks as it checks a create request.
    /// </summary>
    /// <exception cref="FakeTenantException">The client id is taken, or the tenant refuses the body.</exception>
    internal FakeApplication Add(ApplicationDefinition application, string clientId, Secret clientSecret, JsonElement? auth0Properties)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        var body = ClientMapping.ToCreateBody(application);
        var json = auth0Properties is { } properties
            ? ClientMapping.WithAuth0Properties(body, properties)
            : WireJson.ToElement(body, WireJson.Context.ClientDto);
        lock (_store.Gate)
        {
            if (_store.Clients.TryGet(clientId, out _))
            {
                throw new FakeTenantException(409, $"An application with client id {clientId} already exists.");
            }

            if (_endpoint.NewClient(json, out var row) is { } refusal)
            {
                FaceErrors.Throw(refusal);
            }

            row.ClientId = clientId;
            row.ClientSecret = clientSecret.Reveal();
            _store.AddClient(row);
            return ToFake(row);
        }
    }

    /// <summary>The application with this client id, or <see langword="null"/>.</summary>
    public FakeApplication? Find(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        lock (_store.Gate)
        {
            return TryGetApplication(clientId, out var row) ? ToFake(row) : null;
        }
    }

    /// <summary>Deletes an application, its authorizations and its refresh tokens; one that is not there is ignored.</summary>
    /// <returns>Whether an application was deleted.</returns>
    public bool Remove(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        lock (_store.Gate)
        {
            if (!TryGetApplication(clientId, out _))
            {
                return false;
            }

            _endpoint.Delete(clientId);
            return true;
        }
    }

    /// <summary>Gives the application a new secret; the old one stops working at once.</summary>
    /// <exception cref="FakeTenantException">There is no such application.</exception>
    public FakeApplication RotateSecret(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        lock (_store.Gate)
        {
            FaceErrors.ThrowUnless(TryGetApplication(clientId, out _) ? _endpoint.RotateSecret(clientId) : ClientsEndpoint.NotFound(), 200);
            return Find(clientId)!;
        }
    }

    private static FakeApplication ToFake(ClientDto row) =>
        new(row.ClientId!, ClientMapping.ToDefinition(row), new Secret(row.ClientSecret ?? string.Empty));

    /// <summary>The client with this id unless it is the global client.</summary>
    private bool TryGetApplication(string clientId, out ClientDto row) =>
        _store.Clients.TryGet(clientId, out row) && !ClientMapping.IsGlobal(row);
}
