using Auth0ApiKit.Applications;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>The applications of a tenant over the Management API (<c>/api/v2/clients</c>).</summary>
internal sealed class ApplicationsClient : IApplicationsClient
{
    private const string Path = "clients";
    private const int PageSize = 100;

    private readonly ManagementConnection _connection;
    private readonly AuthorizationsClient _authorizations;

    public ApplicationsClient(ManagementConnection connection, AuthorizationsClient authorizations)
    {
        _connection = connection;
        _authorizations = authorizations;
    }

    public async Task<TenantApplication> CreateAsync(ApplicationDefinition application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var errors = application.Kind.IsKnown ? [] : new[]
        {
            new ValidationError(ClientFields.AppType, RuleCodes.UnsupportedValue, RuleOrigin.Sdk, null,
                $"The application kind '{application.Kind}' is not one the SDK can create."),
        };
        if (errors.Length > 0)
        {
            throw new DefinitionException("application", errors);
        }

        var created = await _connection.SendAsync(HttpMethod.Post, Path,
            ManagementConnection.Json(ClientMapping.ToCreateBody(application), WireJson.Context.ClientDto), WireJson.Context.ClientDto,
            cancellationToken, retryAfterAmbiguousFailure: false).ConfigureAwait(false);
        return ToTenantApplication(created);
    }

    public async Task<TenantApplication?> GetAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var row = await _connection.GetOrNullAsync($"{Path}/{ManagementConnection.Segment(clientId)}", WireJson.Context.ClientDto, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : ToTenantApplication(row);
    }

    public IAsyncEnumerable<TenantApplication> ListAsync(CancellationToken cancellationToken = default) =>
        ResultPage<TenantApplication>.EnumerateAsync(ListPageAsync, cancellationToken);

    private async Task<ResultPage<TenantApplication>> ListPageAsync(int page, CancellationToken cancellationToken)
    {
        var result = await _connection.SendAsync(HttpMethod.Get, $"{Path}?page={page}&per_page={PageSize}&include_totals=true",
            null, WireJson.Context.ClientPageDto, cancellationToken).ConfigureAwait(false);
        var items = (result.Clients ?? []).Select(ToTenantApplication).ToList();
        return new ResultPage<TenantApplication>(items, result.Total ?? items.Count, result.Start ?? page * PageSize, result.Limit ?? PageSize);
    }

    public Task DeleteAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return _connection.SendAsync(HttpMethod.Delete, $"{Path}/{ManagementConnection.Segment(clientId)}", cancellationToken);
    }

    public async Task<TenantApplication> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var rotated = await _connection.SendAsync(HttpMethod.Post, $"{Path}/{ManagementConnection.Segment(clientId)}/rotate-secret",
            null, WireJson.Context.ClientDto, cancellationToken).ConfigureAwait(false);
        return ToTenantApplication(rotated);
    }

    public async Task<IReadOnlyList<MachineToMachineAccess>> ListMachineToMachineAsync(string apiIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiIdentifier);
        var grants = new Dictionary<string, TenantAuthorization>(StringComparer.Ordinal);
        await foreach (var grant in _authorizations.ListAsync(clientId: null, apiIdentifier, cancellationToken).ConfigureAwait(false))
        {
            grants[grant.ClientId] = grant;
        }

        var rows = new List<MachineToMachineAccess>();
        await foreach (var application in ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (application.Definition.CanUseClientCredentials)
            {
                rows.Add(new MachineToMachineAccess(application, grants.GetValueOrDefault(application.ClientId)));
            }
        }

        return rows;
    }

    internal static TenantApplication ToTenantApplication(ClientDto row) =>
        new(row.ClientId ?? string.Empty, ClientMapping.ToDefinition(row), row.ClientSecret is null ? null : new Secret(row.ClientSecret));
}
