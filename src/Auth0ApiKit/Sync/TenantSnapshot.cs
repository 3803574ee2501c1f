using Auth0ApiKit.Management;

namespace Auth0ApiKit.Sync;

/// <summary>A tenant's APIs, authorizations and applications, read at once for a plan or an export.</summary>
internal sealed record TenantSnapshot(IReadOnlyList<TenantApi> Apis, IReadOnlyList<TenantAuthorization> Authorizations,
    IReadOnlyList<TenantApplication> Applications)
{
    public static async Task<TenantSnapshot> ReadAsync(IAuth0ManagementClient client, CancellationToken cancellationToken)
    {
        var apis = ToListAsync(client.Apis.ListAsync(cancellationToken));
        var authorizations = ToListAsync(client.Authorizations.ListAsync(cancellationToken: cancellationToken));
        var applications = ToListAsync(client.Applications.ListAsync(cancellationToken));
        await Task.WhenAll(apis, authorizations, applications).ConfigureAwait(false);
        return new TenantSnapshot(await apis.ConfigureAwait(false), await authorizations.ConfigureAwait(false),
            await applications.ConfigureAwait(false));
    }

    /// <summary>The identifiers of the system APIs, which a sync never touches.</summary>
    public HashSet<string> SystemIdentifiers() => Apis.Where(a => a.IsSystem).Select(a => a.Identifier).ToHashSet(StringComparer.Ordinal);

    private static async Task<IReadOnlyList<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
