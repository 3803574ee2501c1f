using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using F = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// <c>/api/v2/client-grants</c>: authorizations of applications for APIs, listed in id order with offset paging, or
/// checkpoint paging (<c>take</c>, which wins over <c>include_totals</c> and answers without totals) as Auth0 does.
/// </summary>
internal sealed class ClientGrantsEndpoint
{
    private const string ClientSubject = F.ClientSubjectType;

    private static readonly IReadOnlyList<string> SubjectTypes = [ClientSubject, F.UserSubjectType];

    private static readonly BodySchema CreateSchema = new(
    [
        new(F.ClientId, FieldType.String),
        new(F.Audience, FieldType.String),
        new(F.Scope, FieldType.StringArray),
        new(F.SubjectType, FieldType.String),
    ]);

    private static readonly BodySchema UpdateSchema = CreateSchema.Only(F.Scope).WithMinProperties(1);

    private readonly TenantStore _store;

    public ClientGrantsEndpoint(TenantStore store) => _store = store;

    public FakeResponse List(FakeRequest request)
    {
        var audience = request.Query[F.Audience];
        var clientId = request.Query[F.ClientId];
        var subjectType = request.Query[F.SubjectType];
        var defaultFor = request.Query[F.DefaultFor];
        if (Paging.Read(request, out var paging) is { } pagingError)
        {
            return pagingError;
        }

        if (Checkpoint.Read(request, out var checkpoint) is { } checkpointError)
        {
            return checkpointError;
        }

        if (ReadAnyOrganization(request, out var anyOrganization) is { } anyOrganizationError)
        {
            return anyOrganizationError;
        }

        if (defaultFor is not null && defaultFor != F.ThirdPartyClients)
        {
            return ManagementErrors.InvalidQuery($"No enum match for: \"{defaultFor}\"", F.DefaultFor);
        }

        lock (_store.Gate)
        {
            var rows = _store.ClientGrants.Rows
                .Where(g => (audience is null || g.Audience == audience) && (clientId is null || g.ClientId == clientId) &&
                            (subjectType is null || (g.SubjectType ?? ClientSubject) == subjectType) &&
                            (!anyOrganization || AdditionalProperties.IsTrue(g.AdditionalProperties, F.AllowAnyOrganization)) &&
                            (defaultFor is null || AdditionalProperties.StringOf(g.AdditionalProperties, F.DefaultFor) == defaultFor))
                .OrderBy(g => g.Id, StringComparer.Ordinal)
                .ToList();
            if (checkpoint is not { } from)
            {
                var page = paging.Slice(rows);
                return paging.IncludeTotals
                    ? FakeResponse.Json(200, new ClientGrantPageDto { Total = rows.Count, Start = paging.Start, Limit = paging.PerPage, ClientGrants = page }, WireJson.Context.ClientGrantPageDto)
                    : FakeResponse.Json(200, page, WireJson.Context.ListClientGrantDto);
            }

            return from.Slice(rows, g => g.Id!, out var slice, out var next) ??
                FakeResponse.Json(200, new ClientGrantPageDto { ClientGrants = slice, Next = next }, WireJson.Context.ClientGrantPageDto);
        }
    }

    public FakeResponse Get(string id)
    {
        lock (_store.Gate)
        {
            return _store.ClientGrants.TryGet(id, out var row) ? FakeResponse.Json(200, row, WireJson.Context.ClientGrantDto) : NotFound();
        }
    }

    public FakeResponse Create(FakeRequest request) =>
        JsonBody.Read(request, CreateSchema, WireJson.Context.ClientGrantDto, out var body) ?? Create(body!);

    /// <summary>Creates from a body that already has the right shape (the HTTP path, or seeding from the tenant's face).</summary>
    public FakeResponse Create(ClientGrantDto body)
    {
        var errors = new List<ValidationError>();
        if (body.ClientId is null)
        {
            errors.Add(Rules.Required(F.ClientId, "the client id"));
        }
        else if (body.Audience is null)
        {
            errors.Add(Rules.Required(F.Audience, "the audience"));
        }
        else if (body.Scope is null)
        {
            errors.Add(Rules.Required(F.Scope, "the scope"));
        }
        else if (body.SubjectType is not null && !SubjectTypes.Contains(body.SubjectType, StringComparer.Ordinal))
        {
            errors.Add(Rules.NotOneOf(F.SubjectType, "the subject type", body.SubjectType, SubjectTypes, RuleOrigin.Auth0));
        }

        if (RuleResponses.FirstOrNull(errors) is { } ruleError)
        {
            return ruleError;
        }

        lock (_store.Gate)
        {
            if (!_store.Clients.TryGet(body.ClientId!, out _))
            {
                return ClientsEndpoint.NotFound();
            }

            if (_store.FindResourceServerByIdentifier(body.Audience!) is null)
            {
                return ResourceServersEndpoint.NotFound();
            }

            var subject = body.SubjectType ?? ClientSubject;
            if (_store.FindGrant(body.ClientId!, body.Audience!, subject) is not null)
            {
                return ManagementErrors.Error(409, $"A client grant already exists between {body.ClientId} and {body.Audience}", "conflict");
            }

            var row = new ClientGrantDto
            {
                Id = _store.Ids.ClientGrantId(),
                ClientId = body.ClientId,
                Audience = body.Audience,
                Scope = body.Scope,
                SubjectType = subject,
            };
            _store.AddGrant(row);
            return FakeResponse.Json(201, row, WireJson.Context.ClientGrantDto);
        }
    }

    public FakeResponse Update(FakeRequest request, string id)
    {
        if (JsonBody.Read(request, UpdateSchema, WireJson.Context.ClientGrantDto, out var body) is { } bodyError)
        {
            return bodyError;
        }

        lock (_store.Gate)
        {
            if (!_store.ClientGrants.TryGet(id, out var current))
            {
                return NotFound();
            }

            var updated = new ClientGrantDto
            {
                Id = current.Id,
                ClientId = current.ClientId,
                Audience = current.Audience,
                Scope = body!.Scope ?? current.Scope,
                SubjectType = current.SubjectType,
                AdditionalProperties = current.AdditionalProperties,
            };
            _store.ReplaceGrant(updated);
            return FakeResponse.Json(200, updated, WireJson.Context.ClientGrantDto);
        }
    }

    public FakeResponse Delete(string id)
    {
        lock (_store.Gate)
        {
            if (_store.ClientGrants.TryGet(id, out var row))
            {
                _store.RemoveGrant(row);
            }

            return FakeResponse.Empty(204);
        }
    }

    private static FakeResponse NotFound() =>
        ManagementErrors.Error(404, "The grant does not exist.", "inexistent_client_grant");

    /// <summary>Reads <c>allow_any_organization</c>, whose only allowed value is <c>true</c> (Auth0's enum <c>[true]</c>).</summary>
    private static FakeResponse? ReadAnyOrganization(FakeRequest request, out bool anyOrganization)
    {
        if (Paging.ReadBoolean(request, F.AllowAnyOrganization, out anyOrganization) is { } error)
        {
            return error;
        }

        return request.Query[F.AllowAnyOrganization] is not null && !anyOrganization
            ? ManagementErrors.InvalidQuery("No enum match for: false", F.AllowAnyOrganization)
            : null;
    }
}
