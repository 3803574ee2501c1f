using System.Runtime.CompilerServices;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>
/// The applications of a tenant over the Management API (<c>/api/v2/clients</c>). The tenant's global client ("All
/// Applications", which every tenant has and no one defines) is left out: lists ask Auth0 to omit it, and a get of it finds nothing.
/// </summary>
internal sealed class ApplicationsClient : IApplicationsClient
{
    private const string Path = "clients";

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
        return row is null || ClientMapping.IsGlobal(row) ? null : ToTenantApplication(row);
    }

    public IAsyncEnumerable<TenantApplication> ListAsync(CancellationToken cancellationToken = default) =>
        ResultPage<TenantApplication>.EnumerateAsync((page, ct) => ListPageAsync(page, OffsetPaging.MaxPerPage, ct), cancellationToken);

    public async Task<ResultPage<TenantApplication>> ListPageAsync(int page, int perPage, CancellationToken cancellationToken = default)
    {
        var result = await _connection.SendAsync(HttpMethod.Get, $"{Path}?{OffsetPaging.Query(page, perPage)}&is_global=false",
            null, WireJson.Context.ClientPageDto, cancellationToken).ConfigureAwait(false);
        var items = (result.Clients ?? []).Select(ToTenantApplication).ToList();
        return OffsetPaging.Page(items, result.Total, result.Start, result.Limit, page, perPage);
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken cancellationToken = default)
    {
        // Auth0 answers 204 whether or not the application was there: ask first, as for APIs.
        if (await GetAsync(clientId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await _connection.SendAsync(HttpMethod.Delete, $"{Path}/{ManagementConnection.Segment(clientId)}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<TenantApplication> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var rotated = await _connection.SendAsync(HttpMethod.Post, $"{Path}/{ManagementConnection.Segment(clientId)}/rotate-secret",
            null, WireJson.Context.ClientDto, cancellationToken).ConfigureAwait(false);
        return ToTenantApplication(rotated);
    }

    public IAsyncEnumerable<MachineToMachineAccess> ListMachineToMachineAsync(string apiIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiIdentifier);
        return MachineToMachineAsync(apiIdentifier, cancellationToken);
    }

    private async IAsyncEnumerable<MachineToMachineAccess> MachineToMachineAsync(string apiIdentifier,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var grants = new Dictionary<string, TenantAuthorization>(StringComparer.Ordinal);
        await foreach (var grant in _authorizations.ListAsync(clientId: null, apiIdentifier, cancellationToken).ConfigureAwait(false))
        {
            grants[grant.ClientId] = grant;
        }

        await foreach (var application in ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (application.Definition.CanUseClientCredentials)
            {
                yield return new MachineToMachineAccess(application, grants.GetValueOrDefault(application.ClientId));
            }
        }
    }

    internal static TenantApplication ToTenantApplication(ClientDto row) =>
        new(row.ClientId ?? string.Empty, ClientMapping.ToDefinition(row), row.ClientSecret is null ? null : new Secret(row.ClientSecret));
}
