using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.IntegrationTests;

/// <summary>
/// Application code under test: provisions the Orders API and the billing worker that reads it. It is what a team
/// would write with the SDK, and it knows nothing of the fake tenant.
/// </summary>
public sealed class OrdersProvisioning(IAuth0ManagementClient auth0)
{
    public const string WorkerName = "billing-worker";

    public static ApiDefinition Orders { get; } = Api.Define("Orders API")
        .WithIdentifier("https://orders.example.com")
        .TokensExpireAfter(TimeSpan.FromHours(2))
        .WithScope("read:orders", "Read orders")
        .WithScope("write:orders", "Create and change orders")
        .Build();

    /// <summary>Makes sure the API, the worker and its read-only authorization exist; safe to run again.</summary>
    /// <returns>The worker's client id.</returns>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (await auth0.Apis.GetAsync(Orders.Identifier, cancellationToken) is null)
        {
            await auth0.Apis.CreateAsync(Orders, cancellationToken);
        }
        else
        {
            await auth0.Apis.UpdateAsync(Orders, cancellationToken);
        }

        var worker = await FindWorkerAsync(cancellationToken)
            ?? await auth0.Applications.CreateAsync(Application.Define(WorkerName, ApplicationKind.MachineToMachine).Build(), cancellationToken);
        if (await auth0.Authorizations.GetAsync(worker.ClientId, Orders.Identifier, cancellationToken) is null)
        {
            await auth0.Authorizations.AuthorizeAsync(worker.ClientId, Orders.Identifier, ["read:orders"], cancellationToken);
        }

        return worker.ClientId;
    }

    private async Task<TenantApplication?> FindWorkerAsync(CancellationToken cancellationToken)
    {
        await foreach (var application in auth0.Applications.ListAsync(cancellationToken))
        {
            if (application.Name == WorkerName)
            {
                return application;
            }
        }

        return null;
    }
}
