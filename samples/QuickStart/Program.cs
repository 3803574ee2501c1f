// Auth0ApiKit QuickStart: the whole job, step by step.
//   dotnet run --project samples/QuickStart            an in-memory fake tenant, no account needed
//   AUTH0_DOMAIN=… AUTH0_CLIENT_ID=… AUTH0_CLIENT_SECRET=… dotnet run --project samples/QuickStart [-- --keep]
//                                                       a real tenant; everything created is removed unless --keep
using Auth0ApiKit;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Management;
using Auth0ApiKit.QuickStart;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tokens;

var keep = args.Contains("--keep");
var domain = Environment.GetEnvironmentVariable("AUTH0_DOMAIN");
var console = new Steps();

FakeTenant? fake = null;
Auth0ManagementClient auth0;
if (string.IsNullOrWhiteSpace(domain))
{
    fake = new FakeTenant(new FakeTenantOptions { Domain = "quickstart.auth0.test" });
    auth0 = fake.CreateManagementClient();
    console.Title($"Auth0ApiKit QuickStart on a fake tenant ({fake.Domain}, in memory)");
}
else
{
    auth0 = new Auth0ManagementClient(new Auth0ManagementClientOptions
    {
        Domain = domain,
        ClientId = Environment.GetEnvironmentVariable("AUTH0_CLIENT_ID"),
        ClientSecret = Environment.GetEnvironmentVariable("AUTH0_CLIENT_SECRET"),
    });
    console.Title($"Auth0ApiKit QuickStart on the tenant {domain}");
}

// Everything this run creates carries a recognisable prefix, so that a real tenant can be cleaned up.
var prefix = "auth0apikit-quickstart-" + Secret.Generate(6).Reveal().ToLowerInvariant();
var http = fake?.CreateHttpClient() ?? new HttpClient();
TenantApplication? worker = null;
ApiDefinition? orders = null;

try
{
    orders = console.Step("1. Define an API in fluent code", () =>
    {
        var api = Api.Define("QuickStart Orders API")
            .WithIdentifier($"https://{prefix}.example.com/orders")
            .SignedWith(SigningAlgorithm.RS256)
            .TokensExpireAfter(TimeSpan.FromHours(2))
            .AllowOfflineAccess()
            .WithScope("read:orders", "Read orders")
            .WithScope("write:orders", "Create and change orders")
            .Build();
        console.Line(api.ToString());
        return api;
    });

    console.Step("2. Every Auth0 rule is checked before anything is sent", () =>
    {
        var broken = Api.Define("Orders <API>")
            .WithIdentifier($"https://{prefix}.example.com/broken")
            .TokensExpireAfter(TimeSpan.FromDays(31))
            .WithScope("read orders");
        if (broken.TryBuild(out _, out var errors))
        {
            throw new InvalidOperationException("The broken definition was accepted.");
        }

        foreach (var error in errors)
        {
            console.Line(error.ToString());
        }
    });

    var sync = new Auth0Sync(auth0);
    var desired = DesiredState.Create().WithApi(orders).Build();
    var plan = await console.StepAsync("3. Plan: compare the desired state with the tenant", async () =>
    {
        var planned = await sync.PlanAsync(desired);
        console.Block(planned.ToString());
        return planned;
    });

    await console.StepAsync("4. Apply the plan, with progress", async () =>
    {
        var result = await sync.ApplyAsync(plan, new ConsoleProgress(console));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }

        var again = await sync.PlanAsync(desired);
        console.Line(again.IsEmpty ? "Planning again finds nothing to do: the tenant matches." : again.ToString());
    });

    worker = await console.StepAsync("5. Create a machine-to-machine application and authorize it for read:orders only", async () =>
    {
        var created = await auth0.Applications.CreateAsync(Application.Define(prefix + "-worker", ApplicationKind.MachineToMachine).Build());
        var authorization = await auth0.Authorizations.AuthorizeAsync(created.ClientId, orders.Identifier, ["read:orders"]);
        console.Line($"{created.Name} ({created.ClientId}) may call {authorization.ApiIdentifier} with [{string.Join(' ', authorization.Scopes)}]");
        return created;
    });

    var report = await console.StepAsync("6. Test: fetch a token with client credentials, as the dashboard's Test tab does", async () =>
    {
        var tested = await auth0.Apis.TestAsync(orders.Identifier, worker.ClientId, worker.ClientSecret!);
        console.Block(tested.ToString());
        return tested.Passed ? tested : throw new InvalidOperationException("The test failed.");
    });

    await console.StepAsync("7. Validate the token exactly as the API will", async () =>
    {
        var read = await auth0.Apis.GetAsync(orders.Identifier) ?? throw new InvalidOperationException("The API is gone.");
        var validator = new AccessTokenValidator(read.Definition, auth0.Urls, new JsonWebKeySetCache(http, auth0.Urls.JwksUri));
        var result = await validator.ValidateAsync(report.Token!.Value.Reveal());
        console.Line(result.IsValid
            ? $"Valid: subject {result.Subject}, scopes [{string.Join(' ', result.Scopes)}], expires {result.ExpiresAt:u}"
            : $"Rejected: {result.Failure} ({result.Message})");
        var tampered = await validator.ValidateAsync(report.Token.Value.Reveal()[..^4] + "AAAA");
        console.Line($"A tampered copy is rejected: {tampered.Failure}");
        if (!result.IsValid || tampered.IsValid)
        {
            throw new InvalidOperationException("Validation did not behave as the API needs.");
        }
    });

    return console.Finish();
}
catch (Exception e) when (console.Fail(e))
{
    return 1;
}
finally
{
    if (fake is null && !keep)
    {
        await Cleanup.RemoveAsync(auth0, worker, orders, console);
    }

    auth0.Dispose();
    http.Dispose();
}
