using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary><c>/api/v2/resource-servers</c>: list, get, create, update and delete APIs as Auth0 does.</summary>
internal sealed class ResourceServersEndpoint
{
    private const int MaxIdentifiersFilter = 10;

    private static readonly BodySchema ScopeSchema = new([new(F.ScopeValue, FieldType.String), new(F.ScopeDescription, FieldType.String)]);

    private static readonly BodySchema CreateSchema = new(
    [
        new(F.Name, FieldType.String),
        new(F.Identifier, FieldType.String),
        new(F.SigningAlgorithm, FieldType.String),
        new(F.SigningSecret, FieldType.String),
        new(F.TokenLifetime, FieldType.Integer),
        new(F.TokenLifetimeForWeb, FieldType.Integer),
        new(F.AllowOfflineAccess, FieldType.Boolean),
        new(F.SkipConsent, FieldType.Boolean),
        new(F.Scopes, FieldType.ObjectArray, ScopeSchema),
        new(F.EnforcePolicies, FieldType.Boolean),
        new(F.TokenDialect, FieldType.String),
        new(F.SubjectTypeAuthorization, FieldType.Object),
    ]);

    private static readonly BodySchema UpdateSchema = CreateSchema.Without(F.Identifier);
    private static readonly BodySchema SystemUpdateSchema = CreateSchema.Only(F.TokenLifetime, F.SkipConsent);

    private readonly TenantStore _store;

    public ResourceServersEndpoint(TenantStore store) => _store = store;

    public FakeResponse List(FakeRequest request)
    {
        if (Paging.Read(request, out var paging) is { } error)
        {
            return error;
        }

        var identifiers = request.Query.GetValues("identifiers") ?? [];
        if (identifiers.Length > MaxIdentifiersFilter)
        {
            return ManagementErrors.InvalidQuery($"Array is too long ({identifiers.Length}), maximum {MaxIdentifiersFilter}", "identifiers");
        }

        // Auth0 documents no `fields` here yet honours it: any name is accepted, an unknown one matches nothing.
        if (Projection.Read(request, readable: null, tenantAudience: null, out var projection) is { } projectionError)
        {
            return projectionError;
        }

        lock (_store.Gate)
        {
            IReadOnlyList<ResourceServerDto> rows = identifiers.Length == 0
                ? _store.ResourceServers.Rows
                : [.. _store.ResourceServers.Rows.Where(r => identifiers.Contains(r.Identifier, StringComparer.Ordinal))];
            var page = paging.Slice(rows);
            if (projection is not null)
            {
                return paging.IncludeTotals
                    ? projection.List(page, WireJson.Context.ResourceServerDto, "resource_servers", (rows.Count, paging.Start, paging.PerPage))
                    : projection.List(page, WireJson.Context.ResourceServerDto);
            }

            return paging.IncludeTotals
                ? FakeResponse.Json(200, new ResourceServerPageDto { Total = rows.Count, Start = paging.Start, Limit = paging.PerPage, ResourceServers = page }, WireJson.Context.ResourceServerPageDto)
                : FakeResponse.Json(200, page, WireJson.Context.ListResourceServerDto);
        }
    }

    public FakeResponse Get(string idOrIdentifier)
    {
        lock (_store.Gate)
        {
            return FindFromPath(idOrIdentifier) is { } row
                ? FakeResponse.Json(200, row, WireJson.Context.ResourceServerDto)
                : NotFound();
        }
    }

    public FakeResponse Create(FakeRequest request) =>
        JsonBody.Read(request, CreateSchema, WireJson.Context.ResourceServerDto, out var body) ?? Create(body!);

    /// <summary>Creates from a body that already has the right shape (the HTTP path, or seeding from the tenant's face).</summary>
    public FakeResponse Create(ResourceServerDto body)
    {
        var errors = new List<ValidationError>();
        ApiServerRules.CheckIdentifier(body.Identifier, errors);
        CheckFields(body, errors);
        var algorithm = body.SigningAlgorithm ?? SigningAlgorithm.RS256.Value;
        var lifetime = body.TokenLifetime ?? ApiLimits.DefaultTokenLifetimeSeconds;
        var webLifetime = body.TokenLifetimeForWeb ?? Math.Min(lifetime, ApiLimits.DefaultWebTokenLifetimeSeconds);
        if (errors.Count == 0)
        {
            ApiServerRules.CheckWebNotAboveToken(webLifetime, lifetime, errors);
        }

        if (RuleResponses.FirstOrNull(errors) is { } ruleError)
        {
            return ruleError;
        }

        lock (_store.Gate)
        {
            if (_store.FindResourceServerByIdentifier(body.Identifier!) is not null)
            {
                return ManagementErrors.Error(409, "A resource server with the same identifier already exists.", "conflict");
            }

            var row = new ResourceServerDto
            {
                Id = _store.Ids.ResourceServerId(),
                Name = body.Name,
                Identifier = body.Identifier,
                SigningAlgorithm = algorithm,
                SigningSecret = algorithm == SigningAlgorithm.HS256.Value ? body.SigningSecret ?? IdGenerator.SigningSecret() : body.SigningSecret,
                TokenLifetime = lifetime,
                TokenLifetimeForWeb = webLifetime,
                AllowOfflineAccess = body.AllowOfflineAccess ?? false,
                SkipConsentForVerifiableFirstPartyClients = body.SkipConsentForVerifiableFirstPartyClients ?? false,
                Scopes = body.Scopes,
                EnforcePolicies = body.EnforcePolicies,
                TokenDialect = body.TokenDialect,
                SubjectTypeAuthorization = body.SubjectTypeAuthorization ?? DefaultSubjectTypeAuthorization(),
            };
            _store.AddResourceServer(row);
            return FakeResponse.Json(201, row, WireJson.Context.ResourceServerDto);
        }
    }

    public FakeResponse Update(FakeRequest request, string idOrIdentifier)
    {
        ResourceServerDto? current;
        lock (_store.Gate)
        {
            current = FindFromPath(idOrIdentifier);
        }

        if (current is null)
        {
            return NotFound();
        }

        var schema = current.IsSystem == true ? SystemUpdateSchema : UpdateSchema;
        if (JsonBody.Read(request, schema, WireJson.Context.ResourceServerDto, CheckFields, out var body) is { } bodyError)
        {
            return bodyError;
        }

        lock (_store.Gate)
        {
            // Re-read under the lock: the merge applies to the latest state.
            current = _store.FindResourceServer(current.Id!);
            if (current is null)
            {
                return NotFound();
            }

            var merged = Merge(current, body!);
            var errors = new List<ValidationError>();
            ApiServerRules.CheckWebNotAboveToken(merged.TokenLifetimeForWeb ?? 0, merged.TokenLifetime ?? 0, errors);
            if (RuleResponses.FirstOrNull(errors) is { } mergedError)
            {
                return mergedError;
            }

            _store.ReplaceResourceServer(merged);
            return FakeResponse.Json(200, merged, WireJson.Context.ResourceServerDto);
        }
    }

    public FakeResponse Delete(string idOrIdentifier)
    {
        lock (_store.Gate)
        {
            var row = FindFromPath(idOrIdentifier);
            if (row?.IsSystem == true)
            {
                return ManagementErrors.Error(400, "System resource servers cannot be deleted.", "operation_not_supported");
            }

            if (row is not null)
            {
                _store.RemoveResourceServer(row);
            }

            return FakeResponse.Empty(204);
        }
    }

    internal static FakeResponse NotFound() =>
        ManagementErrors.Error(404, "The resource server does not exist", "inexistent_resource_server");

    private static void CheckFields(ResourceServerDto body, List<ValidationError> errors)
    {
        if (body.Name is not null)
        {
            ApiServerRules.CheckName(body.Name, errors);
        }

        if (body.SigningAlgorithm is not null)
        {
            ApiServerRules.CheckSigningAlgorithm(body.SigningAlgorithm, errors);
        }

        if (body.SigningSecret is not null)
        {
            ApiServerRules.CheckSigningSecret(body.SigningSecret.Length, errors);
        }

        if (body.TokenLifetime is { } lifetime)
        {
            ApiServerRules.CheckTokenLifetime(lifetime, errors);
        }

        if (body.TokenLifetimeForWeb is { } webLifetime)
        {
            ApiServerRules.CheckWebTokenLifetime(webLifetime, errors);
        }

        for (var i = 0; i < (body.Scopes?.Count ?? 0); i++)
        {
            ApiServerRules.CheckScope(i, body.Scopes![i].Value, body.Scopes[i].Description, errors);
        }

        if (body.TokenDialect is not null)
        {
            ApiServerRules.CheckTokenDialect(body.TokenDialect, errors);
        }
    }

    private static ResourceServerDto Merge(ResourceServerDto current, ResourceServerDto patch)
    {
        var algorithm = patch.SigningAlgorithm ?? current.SigningAlgorithm;
        var isHs256 = algorithm == SigningAlgorithm.HS256.Value;
        return new ResourceServerDto
        {
            Id = current.Id,
            Name = patch.Name ?? current.Name,
            Identifier = current.Identifier,
            SigningAlgorithm = algorithm,
            SigningSecret = patch.SigningSecret ?? (isHs256 ? current.SigningSecret ?? IdGenerator.SigningSecret() : current.SigningSecret),
            TokenLifetime = patch.TokenLifetime ?? current.TokenLifetime,
            TokenLifetimeForWeb = patch.TokenLifetimeForWeb ?? current.TokenLifetimeForWeb,
            AllowOfflineAccess = patch.AllowOfflineAccess ?? current.AllowOfflineAccess,
            SkipConsentForVerifiableFirstPartyClients = patch.SkipConsentForVerifiableFirstPartyClients ?? current.SkipConsentForVerifiableFirstPartyClients,
            Scopes = patch.Scopes ?? current.Scopes,
            EnforcePolicies = patch.EnforcePolicies ?? current.EnforcePolicies,
            TokenDialect = patch.TokenDialect ?? current.TokenDialect,
            IsSystem = current.IsSystem,
            SubjectTypeAuthorization = patch.SubjectTypeAuthorization ?? current.SubjectTypeAuthorization,
        };
    }

    private static JsonElement DefaultSubjectTypeAuthorization() =>
        DefaultSubjectTypeAuthorizationDocument.RootElement;

    private static readonly JsonDocument DefaultSubjectTypeAuthorizationDocument =
        JsonDocument.Parse("""{"client":{"policy":"require_client_grant"},"user":{"policy":"allow_all"}}""");

    /// <summary>
    /// The API a path names by id or identifier. Auth0 also resolves an identifier percent-encoded twice (Terraform's
    /// data source sends <c>https:%252F%252F…</c>): when the once-decoded segment names nothing, it is decoded once more.
    /// </summary>
    private ResourceServerDto? FindFromPath(string idOrIdentifier) =>
        _store.FindResourceServer(idOrIdentifier)
        ?? (idOrIdentifier.Contains('%', StringComparison.Ordinal) && Uri.UnescapeDataString(idOrIdentifier) is var again
            && !string.Equals(again, idOrIdentifier, StringComparison.Ordinal) ? _store.FindResourceServer(again) : null);
}
