using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using F = Auth0ApiKit.Wire.ClientFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary><c>/api/v2/clients</c>: list, get, create, update, delete applications and rotate their secrets.</summary>
internal sealed class ClientsEndpoint
{
    private static readonly IReadOnlyList<string> AuthMethods = [F.AuthMethodNone, F.AuthMethodSecretPost, F.AuthMethodSecretBasic];

    private static readonly BodySchema CreateSchema = new(
    [
        new(F.Name, FieldType.String),
        new(F.Description, FieldType.String),
        new(F.AppType, FieldType.String),
        new(F.GrantTypes, FieldType.StringArray),
        new(F.Callbacks, FieldType.StringArray),
        new(F.AllowedLogoutUrls, FieldType.StringArray),
        new(F.WebOrigins, FieldType.StringArray),
        new(F.AllowedOrigins, FieldType.StringArray),
        new(F.IsFirstParty, FieldType.Boolean),
        new(F.TokenEndpointAuthMethod, FieldType.String),
        new(F.ClientMetadata, FieldType.Object),
        new(F.LogoUri, FieldType.String),
    ]);

    /// <summary>A PATCH may also set the secret (which a create may not), given <c>update:client_keys</c>.</summary>
    private static readonly BodySchema UpdateSchema = CreateSchema.With(new SchemaField(F.ClientSecret, FieldType.String));

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
        JsonBody.Read(request, CreateSchema, WireJson.Context.ClientDto, out var body) ?? Create(body!);

    /// <summary>Creates from a body that already has the right shape (the HTTP path, or seeding from the tenant's face).</summary>
    public FakeResponse Create(ClientDto body)
    {
        var errors = new List<ValidationError>();
        if (body.Name is null)
        {
            errors.Add(Rules.Required(F.Name, "the name"));
        }

        CheckFields(body, errors);
        if (RuleResponses.FirstOrNull(errors) is { } ruleError)
        {
            return ruleError;
        }

        lock (_store.Gate)
        {
            var row = NewClient(_store.Ids, body);
            _store.AddClient(row);
            return FakeResponse.Json(201, row, WireJson.Context.ClientDto);
        }
    }

    /// <summary>Merges a PATCH; writing <c>client_secret</c> needs <paramref name="mayWriteSecret"/> (<c>update:client_keys</c>).</summary>
    public FakeResponse Update(FakeRequest request, string clientId, bool withSecret, bool mayWriteSecret)
    {
        if (JsonBody.Read(request, UpdateSchema, WireJson.Context.ClientDto, CheckFields, out var body) is { } bodyError)
        {
            return bodyError;
        }

        if (body!.ClientSecret is not null && !mayWriteSecret)
        {
            return ManagementErrors.InsufficientScope("update:client_keys");
        }

        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(clientId, out var current))
            {
                return NotFound();
            }

            var merged = new ClientDto
            {
                ClientId = current.ClientId,
                ClientSecret = body.ClientSecret ?? current.ClientSecret,
                Name = body.Name ?? current.Name,
                AppType = body.AppType ?? current.AppType,
                GrantTypes = body.GrantTypes ?? current.GrantTypes,
                TokenEndpointAuthMethod = body.TokenEndpointAuthMethod ?? current.TokenEndpointAuthMethod,
                IsFirstParty = body.IsFirstParty ?? current.IsFirstParty,
                Callbacks = body.Callbacks ?? current.Callbacks,
                AdditionalProperties = MergeExtra(current.AdditionalProperties, body.AdditionalProperties),
            };
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

    /// <summary>A new client with Auth0's defaults for its kind.</summary>
    public static ClientDto NewClient(IdGenerator ids, ClientDto body)
    {
        var kind = body.AppType is null ? ApplicationKind.RegularWeb : new ApplicationKind(body.AppType);
        var isPublic = kind.IsPublicClient;
        return new ClientDto
        {
            ClientId = ids.ClientId(),
            ClientSecret = IdGenerator.ClientSecret(),
            Name = body.Name,
            AppType = kind.Value,
            GrantTypes = body.GrantTypes ?? [.. kind.DefaultGrantTypes.Select(g => g.Value)],
            TokenEndpointAuthMethod = body.TokenEndpointAuthMethod ?? (isPublic ? F.AuthMethodNone : F.AuthMethodSecretPost),
            IsFirstParty = body.IsFirstParty ?? true,
            Callbacks = body.Callbacks ?? [],
            AdditionalProperties = body.AdditionalProperties,
        };
    }

    /// <summary>Reads <c>fields</c> + <c>include_fields</c>, checked against the names Auth0 allows; projected clients carry <c>tenant</c>.</summary>
    private FakeResponse? ReadProjection(FakeRequest request, out Projection? projection) =>
        Projection.Read(request, ReadableFields.Clients, _store.ManagementAudience, out projection);

    internal static FakeResponse NotFound() => ManagementErrors.Error(404, "The client does not exist", "inexistent_client");

    private static void CheckFields(ClientDto body, List<ValidationError> errors)
    {
        if (body.Name is not null && body.Name.Length == 0)
        {
            errors.Add(Rules.TooShort(F.Name, "the name", 0, 1));
        }

        if (body.ClientSecret is not null && body.ClientSecret.Length == 0)
        {
            errors.Add(Rules.TooShort(F.ClientSecret, "the client secret", 0, 1));
        }

        if (body.AppType is not null && !ApplicationKind.KnownValues.Contains(body.AppType, StringComparer.Ordinal))
        {
            errors.Add(Rules.NotOneOf(F.AppType, "the application type", body.AppType, ApplicationKind.KnownValues, RuleOrigin.Auth0));
        }

        if (body.TokenEndpointAuthMethod is not null && !AuthMethods.Contains(body.TokenEndpointAuthMethod, StringComparer.Ordinal))
        {
            errors.Add(Rules.NotOneOf(F.TokenEndpointAuthMethod, "the token endpoint authentication method", body.TokenEndpointAuthMethod, AuthMethods, RuleOrigin.Auth0));
        }
    }

    /// <summary>The client as a read shows it: the secret only for tokens with <c>read:client_keys</c>.</summary>
    private static ClientDto Present(ClientDto row, bool withSecret)
    {
        if (withSecret)
        {
            return row;
        }

        var copy = Copy(row);
        copy.ClientSecret = null;
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

    private static Dictionary<string, System.Text.Json.JsonElement>? MergeExtra(
        Dictionary<string, System.Text.Json.JsonElement>? current, Dictionary<string, System.Text.Json.JsonElement>? patch)
    {
        if (patch is null)
        {
            return current;
        }

        var merged = current is null ? new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal) : new(current, StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            merged[key] = value;
        }

        return merged;
    }
}
