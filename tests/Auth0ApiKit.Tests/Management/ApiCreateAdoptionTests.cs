using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Tests.Management;

/// <summary>
/// A create that meets an existing API (Auth0's 409) adopts it only when it has every setting the definition sets:
/// the signing algorithm included, which the update body leaves out because it cannot change.
/// </summary>
public sealed class ApiCreateAdoptionTests
{
    [Fact]
    public async Task An_existing_api_with_another_signing_algorithm_is_a_conflict_not_the_created_api()
    {
        var tenant = TestTenant.New();
        var orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com").Build();
        tenant.Apis.Add(orders.ToBuilder().SignedWith(SigningAlgorithm.RS256).Build());
        using var client = tenant.CreateManagementClient();

        var act = () => client.Apis.CreateAsync(orders.ToBuilder().SignedWith(SigningAlgorithm.HS256).Build()).WaitAsync(Bound);

        await act.Should().ThrowAsync<Auth0ConflictException>();
    }

    [Fact]
    public async Task An_existing_api_with_every_setting_set_is_adopted()
    {
        var tenant = TestTenant.New();
        var orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com").SignedWith(SigningAlgorithm.HS256).Build();
        var existing = tenant.Apis.Add(orders);
        using var client = tenant.CreateManagementClient();

        var adopted = await client.Apis.CreateAsync(orders).WaitAsync(Bound);

        adopted.Id.Should().Be(existing.Id);
    }
}
