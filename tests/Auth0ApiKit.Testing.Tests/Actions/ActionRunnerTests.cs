using System.Text.Json;
using Auth0ApiKit.Testing.Actions;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Tests.Actions;

/// <summary>The post-login event of a user the tenant holds (the face gains users with the users part of issue 14).</summary>
public class ActionRunnerTests
{
    [Fact]
    public void A_stored_user_reaches_post_login_actions_with_email_and_metadata()
    {
        var urls = TenantUrls.ForDomain("actions.auth0.test");
        var store = new TenantStore(urls, new IdGenerator(1));
        store.Users.Add(new UserDto
        {
            UserId = "auth0|7",
            Email = "ada@example.com",
            AppMetadata = JsonElement.Parse("""{"plan":"gold"}"""),
        });
        var actions = new FakeTenantActions();
        ActionUser? seen = null;
        actions.OnPostLogin((e, api) =>
        {
            seen = e.User;
            api.AccessToken.SetCustomClaim("https://acme.example/plan", e.User.AppMetadata.GetProperty("plan"));
            api.IdToken.SetCustomClaim("https://acme.example/email", e.User.Email!).SetCustomClaim("nonce", "restricted");
        });

        var result = new ActionRunner(store, actions, urls).PostLogin(new ResourceServerDto { Identifier = "urn:orders" },
            AccessTokenRequest.ForUser("web", "auth0|7", ["read:orders"]), ["read:orders"]);

        seen!.IsStored.Should().BeTrue();
        seen.Email.Should().Be("ada@example.com");
        seen.AppMetadata.GetRawText().Should().Be("""{"plan":"gold"}""");
        seen.UserMetadata.GetRawText().Should().Be("{}", "a user without user_metadata shows an empty object");
        result.Request.CustomClaims["https://acme.example/plan"].GetString().Should().Be("gold");
        result.IdTokenClaims.Select(c => c.Key).Should().Equal(["https://acme.example/email"], "ID tokens follow the same rules");
    }
}
