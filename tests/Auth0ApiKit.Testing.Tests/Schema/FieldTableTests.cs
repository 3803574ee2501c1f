using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Testing.Tests.Schema;

/// <summary>A property is one row of its resource's field table: nothing else needs to know it.</summary>
public sealed class FieldTableTests
{
    private const string Identifier = "https://orders.example.com";
    private const string Row = "x_table_only_mode";

    [Fact]
    public async Task A_property_added_to_the_resource_server_table_only_is_checked_stored_returned_kept_and_planned()
    {
        var tenant = TestTenant.New(o => o.ResourceServerShape = ResourceServerTable.Shape.With(WireField.String(Row).OneOf("strict", "lenient").IsNullable()));
        using var client = tenant.CreateManagementClient();

        using var http = tenant.CreateHttpClient();
        var management = tenant.CreateManagementApplication();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            tenant.Tokens.ForApplication(management.ClientId, tenant.Urls.ManagementApiAudience).Value);
        using var refused = await http.PostAsync(new Uri("/api/v2/resource-servers", UriKind.Relative),
            new StringContent($$"""{"identifier":"{{Identifier}}","{{Row}}":"sloppy"}""", Encoding.UTF8, "application/json"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the row's rule is checked");
        (await refused.Content.ReadAsStringAsync()).Should().Contain($"No enum match for: \\\"sloppy\\\"' on property {Row}.");

        var created = await client.Apis.CreateAsync(Api.Define("Orders").WithIdentifier(Identifier).WithAuth0Property(Row, "\"strict\"").Build());
        created.Definition.Auth0Properties.Should().Contain(Row, "\"strict\"", "the tenant stores and returns it");

        var renamed = await client.Apis.UpdateAsync(Api.Define("Orders renamed").WithIdentifier(Identifier).Build());
        renamed.Definition.Auth0Properties.Should().Contain(Row, "\"strict\"", "an update that does not name it keeps it");
        renamed.Definition.Name.Should().Be("Orders renamed");

        var desired = DesiredState.Create().WithApi(renamed.Definition.ToBuilder().WithAuth0Property(Row, "\"lenient\"").Build()).Build();
        var plan = await new Auth0Sync(client).PlanAsync(desired);
        var change = plan.ApiChanges.Should().ContainSingle().Subject;
        change.Fields.Select(f => f.ToString()).Should().Equal($"{Row}: \"strict\" -> \"lenient\"");

        var unset = await client.Apis.UpdateAsync(renamed.Definition.ToBuilder().WithAuth0Property(Row, "null").Build());
        unset.Definition.Auth0Properties.Should().NotContainKey(Row, "null unsets a nullable row");
    }

    [Fact]
    public void A_definitions_Auth0_property_is_checked_against_Auth0s_rule_and_a_typed_one_is_refused()
    {
        var bad = Api.WithIdentifier(Identifier).WithAuth0Property("consent_policy", "\"whenever\"").WithAuth0Property("token_lifetime", "60");

        bad.TryBuild(out _, out var errors).Should().BeFalse();
        errors.Select(e => (e.Path, e.SchemaDetail)).Should().BeEquivalentTo(new (string, string?)[]
        {
            ("consent_policy", "No enum match for: \"whenever\""),
            ("token_lifetime", null),
        });
        errors.Single(e => e.Path == "token_lifetime").Message.Should().Contain("own setting on the builder");
        FluentActions.Invoking(() => Api.WithIdentifier(Identifier).WithAuth0Property("consent_policy", "{oops"))
            .Should().Throw<ArgumentException>().WithMessage("*consent_policy*not JSON*");
    }
}
