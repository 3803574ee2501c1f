using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.QuickStart;

/// <summary>Removes what the sample created on a real tenant.</summary>
internal static class Cleanup
{
    public static async Task RemoveAsync(IAuth0ManagementClient auth0, TenantApplication? worker, ApiDefinition? api, Steps steps)
    {
        steps.Line(string.Empty);
        steps.Line("Cleaning up (run with --keep to keep what was created)");
        if (worker is not null)
        {
            await auth0.Applications.DeleteAsync(worker.ClientId);
            steps.Line($"deleted application {worker.Name}");
        }

        if (api is not null && await auth0.Apis.DeleteAsync(api.Identifier))
        {
            steps.Line($"deleted API {api.Identifier}");
        }
    }
}
