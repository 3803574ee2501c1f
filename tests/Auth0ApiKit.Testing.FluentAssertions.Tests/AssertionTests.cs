using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Sdk;

namespace Auth0ApiKit.Testing.FluentAssertions.Tests;

public class AssertionTests
{
    private const string Orders = "https://orders.example.com";
    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly FakeTenant _tenant;
    private readonly FakeApplication _worker;

    public AssertionTests()
    {
        _tenant = TestTenant.New(o => o.TimeProvider = _time);
        _tenant.Apis.Add(Api.Define("Orders").WithIdentifier(Orders).TokensExpireAfter(TimeSpan.FromHours(2))
            .WithScope("read:orders").WithScope("write:orders").Build());
        _worker = _tenant.Applications.AddMachineToMachine("worker");
        _tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
    }

    [Fact]
    public void A_token_passes_every_assertion_that_holds()
    {
        var token = _tenant.Tokens.ForApplication(_worker.ClientId, Orders);

        token.Should().BeSignedWith(SigningAlgorithm.RS256)
            .And.HaveKeyId(_tenant.Tokens.CurrentSigningKey.KeyId)
            .And.HaveIssuer(_tenant.Urls.Issuer)
            .And.HaveAudience(Orders)
            .And.HaveSubject(_worker.ClientId + "@clients")
            .And.HaveScopes("read:orders")
            .And.HaveExactlyScopes("read:orders")
            .And.ExpireAt(_time.GetUtcNow().AddHours(2))
            .And.HaveClaim("gty", "client-credentials")
            .And.NotHaveClaim("nbf");
        token.Value.ShouldBeAccessToken().HaveAudience(Orders);
    }

    [Fact]
    public void A_failing_assertion_says_what_differs_and_never_shows_the_token()
    {
        var token = _tenant.Tokens.ForApplication(_worker.ClientId, Orders);

        var act = () => token.Should().HaveScopes("write:orders");

        act.Should().Throw<XunitException>()
            .Which.Message.Should().Contain("write:orders").And.NotContain(token.Value);
        token.Invoking(t => t.Should().HaveAudience("https://other.example.com")).Should().Throw<XunitException>();
        token.Invoking(t => t.Should().BeSignedWith(SigningAlgorithm.HS256)).Should().Throw<XunitException>();
        token.Invoking(t => t.Should().ExpireAt(_time.GetUtcNow())).Should().Throw<XunitException>();
    }

    [Fact]
    public void Tenant_assertions_check_apis_authorizations_and_the_journal()
    {
        _tenant.Should().HaveApi(Orders).Which.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(2));
        _tenant.Should().NotHaveApi("urn:none");
        _tenant.Should().HaveAuthorization(_worker.ClientId, Orders, "read:orders");
        _tenant.Should().NotHaveAuthorization(_worker.ClientId, _tenant.Urls.ManagementApiAudience);
        _tenant.Should().HaveReceived("POST", "/oauth/token", 0);

        _tenant.Invoking(t => t.Should().HaveApi("urn:none")).Should().Throw<XunitException>().Which.Message.Should().Contain(Orders);
        _tenant.Invoking(t => t.Should().HaveAuthorization(_worker.ClientId, Orders, "write:orders")).Should().Throw<XunitException>();
        _tenant.Invoking(t => t.Should().HaveReceived("POST", "/oauth/token", 1)).Should().Throw<XunitException>();
    }

    [Fact]
    public void Assertions_on_lists_of_scopes_take_a_reason_after_the_list()
    {
        var token = _tenant.Tokens.ForApplication(_worker.ClientId, Orders);

        token.Should().HaveScopes(["read:orders"], "the worker is authorized for {0}", "reading")
            .And.HaveExactlyScopes(new List<string> { "read:orders" }, "nothing else was granted");
        token.Invoking(t => t.Should().HaveScopes(["write:orders"], "the worker writes {0}", "orders"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("because the worker writes orders");
        token.Invoking(t => t.Should().HavePermissions(["read:orders"], "RBAC is {0}", "on"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("because RBAC is on");
    }

    [Fact]
    public void Authorization_assertions_take_a_reason()
    {
        _tenant.Should().HaveAuthorization(_worker.ClientId, Orders, ["read:orders"], "the worker reads orders");

        _tenant.Invoking(t => t.Should().HaveAuthorization(_worker.ClientId, Orders, ["write:orders"], "it {0}", "writes"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("because it writes");
        _tenant.Invoking(t => t.Should().NotHaveAuthorization(_worker.ClientId, Orders, "the grant was {0}", "revoked"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("because the grant was revoked");
    }

    [Fact]
    public void User_permission_assertions_pass_on_permissions_held_directly_or_through_roles()
    {
        var (ada, _) = UserWithRole();

        _tenant.Should().GrantUserPermissions(ada, Orders, "read:orders")
            .And.GrantUserPermissions(ada, Orders, ["read:orders", "write:orders"], "ada holds both")
            .And.GrantUserExactlyPermissions(ada, Orders, "write:orders", "read:orders")
            .And.NotGrantUserPermissions(ada, Orders, "delete:orders");
        _tenant.Should().GrantUserExactlyPermissions(ada, "urn:other");
    }

    [Fact]
    public void User_permission_assertions_say_what_was_expected_and_what_the_user_holds()
    {
        var (ada, role) = UserWithRole();
        _tenant.Roles.Remove(role);

        _tenant.Invoking(t => t.Should().GrantUserPermissions(ada, Orders, ["read:orders"], "the {0} gives it", "role"))
            .Should().Throw<XunitException>().Which.Message.Should()
            .Be($"Expected user \"{ada}\" to hold permissions {{\"read:orders\"}} for \"{Orders}\" because the role gives it, but {{\"read:orders\"}} are missing (the user holds {{\"write:orders\"}}).");
        _tenant.Invoking(t => t.Should().GrantUserExactlyPermissions(ada, Orders, "write:orders", "delete:orders"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("exactly permissions").And.Contain("but the user holds {\"write:orders\"}");
        _tenant.Invoking(t => t.Should().NotGrantUserPermissions(ada, Orders, ["write:orders"], "it was {0}", "revoked"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("because it was revoked, but the user holds {\"write:orders\"}");
        _tenant.Invoking(t => t.Should().GrantUserPermissions("auth0|nobody", Orders, "read:orders"))
            .Should().Throw<XunitException>().Which.Message.Should().Contain("\"auth0|nobody\"").And.Contain("but the tenant has no user with that id");
        _tenant.Invoking(t => t.Should().NotGrantUserPermissions("ada@example.com", Orders, "read:orders"))
            .Should().Throw<XunitException>("a user is named by its id, not its email");
    }

    /// <summary>A user holding <c>write:orders</c> directly and <c>read:orders</c> through a role; their ids.</summary>
    private (string UserId, string RoleId) UserWithRole()
    {
        var ada = _tenant.Users.Add("ada@example.com", "Secr3t-Pa55word!").UserId;
        var role = _tenant.Roles.Add("orders-reader");
        _tenant.Roles.Grant(role, Orders, "read:orders");
        _tenant.Roles.Assign(role, ada);
        _tenant.Roles.GrantToUser(ada, Orders, "write:orders");
        return (ada, role);
    }

    [Fact]
    public void Text_that_is_not_a_jwt_is_refused_clearly()
    {
        var act = () => "not-a-token".ShouldBeAccessToken();

        act.Should().Throw<ArgumentException>().WithMessage("*not a compact JSON Web Token*");
    }
}
