using Auth0ApiKit.Management;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Declarative sync of a tenant's APIs, authorizations and roles: compare a <see cref="DesiredState"/> with the tenant
/// (<see cref="PlanAsync"/>), carry out the plan (<see cref="ApplyAsync"/>), or write a tenant out as definitions to
/// adopt sync (<see cref="ExportAsync"/>). Thread-safe; it holds nothing but the client.
/// </summary>
/// <example>
/// <code>
/// var sync = new Auth0Sync(managementClient);
/// var plan = await sync.PlanAsync(desired, new SyncOptions { Prune = true });
/// Console.WriteLine(plan);
/// var result = await sync.ApplyAsync(plan, new Progress&lt;SyncProgress&gt;(p => Console.WriteLine(p)));
/// </code>
/// </example>
public sealed class Auth0Sync
{
    private readonly IAuth0ManagementClient _client;

    /// <summary>Creates a sync that reads and changes the tenant through <paramref name="client"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public Auth0Sync(IAuth0ManagementClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>
    /// Reads the tenant (its APIs, authorizations and applications, and its roles with their permissions when
    /// <paramref name="desired"/> declares roles) and plans what it takes to reach <paramref name="desired"/>. Nothing is changed.
    /// </summary>
    /// <param name="desired">The APIs, authorizations and roles the tenant should have.</param>
    /// <param name="options">Pruning, replacement and concurrency; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="Validation.DefinitionException">
    /// The desired state does not fit the tenant: an application unknown or named ambiguously, a system API, a setting
    /// that breaks a rule against the API's current values. Every problem is listed.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public async Task<SyncPlan> PlanAsync(DesiredState desired, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        options ??= new SyncOptions();
        options.Validate(nameof(options));
        var tenant = await TenantSnapshot.ReadAsync(_client, desired.ManagesRoles, cancellationToken).ConfigureAwait(false);
        return SyncPlanner.Plan(desired, tenant, options.Clone());
    }

    /// <summary>
    /// Carries out <paramref name="plan"/>, at most <see cref="SyncOptions.MaxConcurrency"/> changes at once, checking
    /// each object against what the plan saw just before changing it. A change the tenant already has is not sent
    /// again; a change whose object changed since the plan fails with a <see cref="Auth0ConcurrentChangeException"/> in the
    /// result; other changes still run. Planning again after any apply (complete, failed or cancelled) and applying
    /// that plan converges without doubling or losing anything.
    /// </summary>
    /// <param name="plan">A plan from <see cref="PlanAsync"/>.</param>
    /// <param name="progress">Told after each change: which, how it ended, how many of how many. It may be called from several threads, one call at a time.</param>
    /// <param name="cancellationToken">Stops the apply; changes already made stay made.</param>
    /// <returns>How each change ended.</returns>
    /// <exception cref="InvalidOperationException">The plan holds a refused replacement; nothing was applied.</exception>
    /// <exception cref="OperationCanceledException">The apply was cancelled.</exception>
    public Task<SyncResult> ApplyAsync(SyncPlan plan, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return SyncApplier.ApplyAsync(_client, plan, progress, cancellationToken);
    }

    /// <summary>
    /// Reads the tenant's APIs (system APIs aside), their authorizations and its roles as definitions, to adopt sync on an
    /// existing tenant: a plan of the export's <see cref="TenantExport.DesiredState"/> against the same tenant is empty.
    /// Signing secrets are never exported.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<TenantExport> ExportAsync(CancellationToken cancellationToken = default)
    {
        var tenant = await TenantSnapshot.ReadAsync(_client, withRoles: true, cancellationToken).ConfigureAwait(false);
        return TenantExport.From(tenant);
    }
}
