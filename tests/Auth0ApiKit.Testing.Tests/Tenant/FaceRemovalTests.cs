using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>The face's removals answer as the SDK's deletes do: whether something was there.</summary>
public sealed class FaceRemovalTests
{
    [Fact]
    public void Revoke_and_remove_say_whether_something_was_there()
    {
        var tenant = TestTenant.New();
        var worker = tenant.Applications.AddMachineToMachine("worker");
        var api = tenant.Apis.Add(Api.WithIdentifier("urn:orders").WithScope("read:orders").Build());
        tenant.Authorizations.Authorize(worker.ClientId, api.Identifier, ["read:orders"]);

        tenant.Authorizations.Revoke(worker.ClientId, api.Identifier).Should().BeTrue();
        tenant.Authorizations.Revoke(worker.ClientId, api.Identifier).Should().BeFalse();
        tenant.Applications.Remove(worker.ClientId).Should().BeTrue();
        tenant.Applications.Remove(worker.ClientId).Should().BeFalse();
        tenant.Apis.Remove(api.Identifier).Should().BeTrue();
        tenant.Apis.Remove(api.Identifier).Should().BeFalse();
    }
}
