using Auth0ApiKit.Applications;
using System.Text.Json;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ClientFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary><c>/api/v2/clients</c>: list, get, create, update, delete applications and rotate their secrets.</summary>
internal sealed class ClientsEndpoint
{
    private readonly TenantStore _store;

    public ClientsEndpoint(TenantStore store) => _store = store;

    public FakeResponse List(FakeRequest request, bool withSecrets)
    {
        if (Paging.Read(request, out var paging, minPerPage: 0) is { } error)
        {
            return error;
        }

        if (Checkpoint.Read(request, out var checkpoint) is { } checkpointError)
        {
            return checkpointError;
        }

        if (ClientListFilter.Read(request, checkpoint is not null, out var filter) is { } filterError)
        {
            return filterError;
        }

        if (ReadProjection(request, out var projection) is { } projectionError)
        {
            return projectionError;
        }

        lock (_store.Gate)
        {
            var rows = filter.Select(_store);
            if (checkpoint is { } from)
            {
                if (from.Slice(rows, c => c.ClientId!, out var slice, out var next) is { } fromError)
                {
                    return fromError;
                }

                var items = slice.ConvertAll(c => Present(c, withSecrets));
                return projection is not null
                    ? projection.List(items, WireJson.Context.ClientDto, "clients", next: next)
                    : FakeResponse.Json(200, new ClientPageDto { Clients = items, Next = next }, WireJson.Context.ClientPageDto);
            }

            var page = paging.Slice(rows).ConvertAll(c => Present(c, withSecrets));
            if (projection is not null)
            {
                return paging.IncludeTotals
                    ? projection.List(page, WireJson.Context.ClientDto, "clients", (rows.Count, paging.Start, paging.PerPage))
                    : projection.List(page, WireJson.Context.ClientDto);
            }

            return paging.IncludeTotals
                ? FakeResponse.Json(200, new ClientPageDto { Total = rows.Count, Start = paging.Start, Limit = paging.PerPage, Clients = page }, WireJson.Context.ClientPageDto)
                : FakeResponse.Json(200, page, WireJson.Context.ListClientDto);
        }
    }

    public FakeResponse Get(string clientId, bool withSecret)
    {
        lock (_store.Gate)
        {
            return _store.Clients.TryGet(clientId, out var row)
                ? FakeResponse.Json(200, Present(row, withSecret), WireJson.Context.ClientDto)
                : NotFound();
        }
    }

    /// <summary>A client read with Auth0's <c>fields</c> + <c>include_fields</c> projection, when the request asks for one.</summary>
    public FakeResponse Get(FakeRequest request, string clientId, bool withSecret)
    {
        if (ReadProjection(request, out var projection) is { } projectionError)
        {
            return projectionError;
        }

        if (projection is null)
        {
            return Get(clientId, withSecret);
        }

        lock (_store.Gate)
        {
            return _store.Clients.TryGet(clientId, out var row) ? projection.Item(Present(row, withSecret), WireJson.Context.ClientDto) : NotFound();
        }
    }

    public FakeResponse Create(FakeRequest request) =>
        JsonBody.ReadCreate(request, _store.ClientShape, out var checkedCreate)
            ?? Insert(JsonSerializer.Deserialize(request.Body, WireJson.Context.ClientDto)!, checkedCreate);

    /// <summary>Creates from a typed body (seeding from the tenant's face), checked by the same table as a request; the row is made from <paramref name="body"/>.</summary>
    public FakeResponse Create(ClientDto body)
    {
        var checkedCreate = _store.ClientShape.CheckCreate(body, WireJson.Context.ClientDto);
        return checkedCreate.Mistake is { } mistake ? ManagementErrors.InvalidBody(mistake) : Insert(body, checkedCreate);
    }

    /// <summary>Stores a checked create body with Auth0's defaults (<paramref name="checkedCreate"/>).</summary>
    private FakeResponse Insert(ClientDto body, CheckedCreate checkedCreate)
    {
        var row = WithDefaults(body, checkedCreate);
        if (CheckRules(row) is { } ruleError)
        {
            return ruleError;
        }

        lock (_store.Gate)
        {
            AddCredentials(row);
            _store.AddClient(row);
            return FakeResponse.Json(201, row, WireJson.Context.ClientDto);
        }
    }

    /// <summary>Merges a PATCH; writing <c>client_secret</c> needs <paramref name="mayWriteSecret"/> (<c>update:client_keys</c>).</summary>
    public FakeResponse Update(FakeRequest request, string clientId, bool withSecret, bool mayWriteSecret)
    {
        if (JsonBody.Read(request, _store.ClientShape, WireOperation.Update, out var patch) is { } bodyError)
        {
            return bodyError;
        }

        if (patch.TryGetProperty(F.ClientSecret, out _) && !mayWriteSecret)
        {
            return ManagementErrors.InsufficientScope(ManagementRoutes.UpdateClientKeys);
        }

        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(clientId, out var current))
            {
                return NotFound();
            }

            var stored = WireJson.ToElement(current, WireJson.Context.ClientDto);
            var merged = _store.ClientShape.Merge(stored, patch, WireJson.Context.ClientDto);
            if (CheckRules(merged) is { } ruleError)
            {
                return ruleError;
            }

            _store.ReplaceClient(merged);
            return FakeResponse.Json(200, Present(merged, withSecret), WireJson.Context.ClientDto);
        }
    }

    public FakeResponse Delete(string clientId)
    {
        lock (_store.Gate)
        {
            if (_store.Clients.TryGet(clientId, out var row))
            {
                if (ClientMapping.IsGlobal(row))
                {
                    return ManagementErrors.Error(400, "Global client cannot be deleted.", "operation_not_supported");
                }

                _store.RemoveClient(clientId);
            }

            return FakeResponse.Empty(204);
        }
    }

    /// <summary>Issues a new secret; the old one stops working at once.</summary>
    public FakeResponse RotateSecret(string clientId)
    {
        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(clientId, out var current))
            {
                return NotFound();
            }

            var rotated = Copy(current);
            rotated.ClientSecret = IdGenerator.ClientSecret();
            _store.ReplaceClient(rotated);
            return FakeResponse.Json(200, rotated, WireJson.Context.ClientDto);
        }
    }

    /// <summary>
    /// A new client as the face seeds it (the caller may then set its id and secret), made from a create body checked
    /// by the same table and rules as a request, with Auth0's defaults.
    /// </summary>
    /// <returns>The refusal, or <see langword="null"/> when <paramref name="row"/> is set.</returns>
    public FakeResponse? NewClient(JsonElement body, out ClientDto row)
    {
        row = null!;
        var checkedCreate = _store.ClientShape.CheckCreate(body);
        if (checkedCreate.Mistake is { } mistake)
        {
            return ManagementErrors.InvalidBody(mistake);
        }

        row = WithDefaults(body.Deserialize(WireJson.Context.ClientDto)!, checkedCreate);
        if (CheckRules(row) is { } ruleError)
        {
            return ruleError;
        }

        lock (_store.Gate)
        {
            AddCredentials(row);
        }

        return null;
    }

    /// <summary>
    /// The row a create stores, made from <paramref name="body"/>: what was sent (a <c>null</c> dropped), Auth0's
    /// defaults for what was not, and the tenant's name.
    /// </summary>
    private ClientDto WithDefaults(ClientDto body, CheckedCreate checkedCreate)
    {
        WireShape.DropNulls(body.AdditionalProperties);
        // Room for the defaults and the tenant up front: growing the dictionary from empty copied it four times per create.
        body.AdditionalProperties ??= new(checkedCreate.DefaultCount + 1, StringComparer.Ordinal);
        checkedCreate.AddDefaults(body, static (row, name, value) => ClientTable.Store(row, name, value));
        body.AdditionalProperties[F.Tenant] = _store.TenantValue;
        return body;
    }

    /// <summary>Gives a new client its id and a secret (none for Express configuration clients, as Auth0); under the store's lock.</summary>
    private void AddCredentials(ClientDto row)
    {
        row.ClientId = _store.Ids.ClientId();
        row.ClientSecret = row.AppType == F.ExpressConfigurationAppType ? null : IdGenerator.ClientSecret();
    }

    /// <summary>Reads <c>fields</c> + <c>include_fields</c>, checked against the names Auth0 allows; projected clients carry <c>tenant</c>.</summary>
    private FakeResponse? ReadProjection(FakeRequest request, out Projection? projection) =>
        Projection.Read(request, ReadableFields.Clients, _store.TenantName, out projection);

    internal static FakeResponse NotFound() => ManagementErrors.Error(404, "The client does not exist", "inexistent_client");

    /// <summary>Auth0's rules across properties, checked on the client a write would leave.</summary>
    private static FakeResponse? CheckRules(ClientDto row)
    {
        if (row.TokenEndpointAuthMethod == F.AuthMethodNone && row.GrantTypes?.Contains(GrantType.ClientCredentials.Value, StringComparer.Ordinal) == true)
        {
            return ManagementErrors.Error(400, "Invalid grant types: " + GrantType.ClientCredentials.Value, "invalid_body");
        }

        return row.TokenEndpointAuthMethod is not null && row.AdditionalProperties?.ContainsKey(F.ClientAuthenticationMethods) == true
            ? ManagementErrors.InvalidBody($"{F.TokenEndpointAuthMethod} and {F.ClientAuthenticationMethods} cannot both be set")
            : null;
    }

    /// <summary>
    /// The client as a read shows it: the secret, keys and credentials (<c>encryption_key</c>, <c>signing_keys</c>,
    /// <c>client_authentication_methods</c>) only for tokens with <c>read:client_keys</c>.
    /// </summary>
    private static ClientDto Present(ClientDto row, bool withSecret)
    {
        if (withSecret)
        {
            return row;
        }

        var copy = Copy(row);
        copy.ClientSecret = null;
        if (row.AdditionalProperties is { } extra && (extra.ContainsKey(F.SigningKeys) || extra.ContainsKey(F.EncryptionKey)
            || extra.ContainsKey(F.ClientAuthenticationMethods)))
        {
            copy.AdditionalProperties = new(extra, StringComparer.Ordinal);
            copy.AdditionalProperties.Remove(F.SigningKeys);
            copy.AdditionalProperties.Remove(F.EncryptionKey);
            copy.AdditionalProperties.Remove(F.ClientAuthenticationMethods);
        }

        return copy;
    }

    private static ClientDto Copy(ClientDto row) => new()
    {
        ClientId = row.ClientId,
        ClientSecret = row.ClientSecret,
        Name = row.Name,
        AppType = row.AppType,
        GrantTypes = row.GrantTypes,
        TokenEndpointAuthMethod = row.TokenEndpointAuthMethod,
        IsFirstParty = row.IsFirstParty,
        Callbacks = row.Callbacks,
        AdditionalProperties = row.AdditionalProperties,
    };
}
