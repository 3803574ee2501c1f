using System.Reflection;
using System.Runtime.Loader;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ApiKit.Tests.Sync;

public sealed class TenantExportTests : IDisposable
{
    private const string SigningSecret = "an-exported-signing-secret-0123";

    private readonly SyncHarness _harness = new();

    public TenantExportTests()
    {
        var tenant = _harness.Tenant;
        var worker = tenant.Applications.Add(Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build(),
            "WorkerClientId0000000000000000001", new Secret("worker-secret"));
        var reports = tenant.Applications.Add(Application.Define("reports \"nightly\"", ApplicationKind.RegularWeb).Build(),
            "ReportsClientId000000000000000002", new Secret("reports-secret"));
        tenant.Apis.Add(Api.Define("Orders API").WithIdentifier("https://orders.example.com").TokensExpireAfter(TimeSpan.FromHours(2))
            .AllowOfflineAccess().WithScope("read:orders", "Read orders").WithScope("write:orders", "Write \"all\" orders")
            .WithAuth0Property("consent_policy", "\"transactional-authorization-with-mfa\"")
            .WithAuth0Property("proof_of_possession", """{"mechanism":"dpop","required":true}""").Build());
        tenant.Apis.Add(Api.Define("Signed <internal>".Replace("<", "(", StringComparison.Ordinal).Replace(">", ")", StringComparison.Ordinal))
            .WithIdentifier("urn:signed").SignedWith(SigningAlgorithm.HS256).WithSigningSecret(SigningSecret)
            .EnforcePolicies().WithTokenDialect(TokenDialect.AccessTokenAuthz).WithNoScopes().Build());
        tenant.Apis.Add(Api.WithIdentifier("https://legacy.example.com").SignedWith("PS256").BuildUnchecked());
        tenant.Authorizations.Authorize(worker.ClientId, "https://orders.example.com", ["read:orders", "write:orders"]);
        tenant.Authorizations.Authorize(reports.ClientId, "https://orders.example.com", ["read:orders"]);
        tenant.Authorizations.Authorize(reports.ClientId, "urn:signed", ["undefined:scope"]);
        tenant.Authorizations.Authorize(worker.ClientId, tenant.Apis.System.Identifier, ["read:clients"]);
    }

    public void Dispose() => _harness.Dispose();

    private Task<TenantExport> ExportAsync() => _harness.RunAsync(() => _harness.Sync.ExportAsync());

    [Fact]
    public async Task A_plan_of_the_exported_state_against_the_same_tenant_is_empty()
    {
        var export = await ExportAsync();

        var plan = await _harness.PlanAsync(export.DesiredState);

        plan.IsEmpty.Should().BeTrue(plan.ToString());
        export.DesiredState.Apis.Select(a => a.Identifier).Should().Equal("https://legacy.example.com", "https://orders.example.com", "urn:signed");
        export.DesiredState.Authorizations.Should().HaveCount(2, "the system API's authorization is not managed, the one with an undefined scope is left out");
        export.Omissions.Should().Equal(
            "The signing algorithm PS256 of https://legacy.example.com is left unset (the SDK sets only RS256 and HS256); the API keeps it.",
            "The authorization of ReportsClientId000000000000000002 for urn:signed is left out: The scope 'undefined:scope' is not defined " +
            "by the API urn:signed, which defines no scopes; an application may be granted only the API's own scopes.");
    }

    [Fact]
    public async Task The_json_export_reads_back_into_a_state_whose_plan_is_empty_and_holds_no_secret()
    {
        var json = (await ExportAsync()).ToJson();

        json.Should().NotContain(SigningSecret).And.NotContain("signing_secret").And.Contain("\"application_name\": \"billing-worker\"");
        (await _harness.PlanAsync(DesiredState.FromJson(json))).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task The_csharp_export_compiles_and_its_desired_state_plans_empty()
    {
        var code = (await ExportAsync()).ToCSharp("AcmeTenant", "Acme.Auth0");

        code.Should().NotContain(SigningSecret);
        var desired = CompileAndRead(code, "Acme.Auth0.AcmeTenant");
        (await _harness.PlanAsync(desired)).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task The_csharp_export_reads_as_definitions_a_person_would_write()
    {
        var code = (await ExportAsync()).ToCSharp();

        code.Should().Be("""
            // Exported by Auth0ApiKit from a tenant's APIs and authorizations: keep it as the desired state of a sync.
            // Signing secrets are never exported: an HS256 API keeps the secret it has until one is set here.
            // Note: The signing algorithm PS256 of https://legacy.example.com is left unset (the SDK sets only RS256 and HS256); the API keeps it.
            // Note: The authorization of ReportsClientId000000000000000002 for urn:signed is left out: The scope 'undefined:scope' is not defined by the API urn:signed, which defines no scopes; an application may be granted only the API's own scopes.
            using System;
            using Auth0ApiKit.Apis;
            using Auth0ApiKit.Applications;
            using Auth0ApiKit.Sync;

            /// <summary>The APIs and authorizations of the tenant, as exported.</summary>
            public static class TenantDefinitions
            {
                /// <summary>https://legacy.example.com.</summary>
                public static ApiDefinition LegacyExampleCom { get; } = Api.WithIdentifier("https://legacy.example.com")
                    .TokensExpireAfter(TimeSpan.FromSeconds(86400))
                    .WebTokensExpireAfter(TimeSpan.FromSeconds(7200))
                    .AllowSkippingUserConsent(false)
                    .AllowOfflineAccess(false)
                    .Build();

                /// <summary>Orders API.</summary>
                public static ApiDefinition OrdersAPI { get; } = Api.Define("Orders API")
                    .WithIdentifier("https://orders.example.com")
                    .SignedWith(SigningAlgorithm.RS256)
                    .TokensExpireAfter(TimeSpan.FromSeconds(7200))
                    .WebTokensExpireAfter(TimeSpan.FromSeconds(7200))
                    .AllowSkippingUserConsent(false)
                    .AllowOfflineAccess(true)
                    .WithScope("read:orders", "Read orders")
                    .WithScope("write:orders", "Write \"all\" orders")
                    .WithAuth0Property("consent_policy", "\"transactional-authorization-with-mfa\"")
                    .WithAuth0Property("proof_of_possession", "{\"mechanism\":\"dpop\",\"required\":true}")
                    .Build();

                /// <summary>Signed (internal).</summary>
                // HS256: its signing secret is not exported; the API keeps the one it has.
                public static ApiDefinition SignedInternal { get; } = Api.Define("Signed (internal)")
                    .WithIdentifier("urn:signed")
                    .SignedWith(SigningAlgorithm.HS256)
                    .TokensExpireAfter(TimeSpan.FromSeconds(86400))
                    .WebTokensExpireAfter(TimeSpan.FromSeconds(7200))
                    .AllowSkippingUserConsent(false)
                    .AllowOfflineAccess(false)
                    .EnforcePolicies(true)
                    .WithTokenDialect(TokenDialect.AccessTokenAuthz)
                    .WithNoScopes()
                    .Build();

                /// <summary>Every API above and its authorizations.</summary>
                public static DesiredState Desired { get; } = DesiredState.Create()
                    .WithApi(LegacyExampleCom)
                    .WithApi(OrdersAPI)
                    .WithApi(SignedInternal)
                    .WithAuthorization(Authorization.For(OrdersAPI, ApplicationReference.ByClientId("ReportsClientId000000000000000002")) // reports "nightly"
                        .WithScope("read:orders")
                        .Build())
                    .WithAuthorization(Authorization.For(OrdersAPI, ApplicationReference.ByClientId("WorkerClientId0000000000000000001")) // billing-worker
                        .WithScope("read:orders")
                        .WithScope("write:orders")
                        .Build())
                    .Build();
            }

            """);
    }

    [Fact]
    public async Task Roles_are_exported_with_their_permissions_on_exported_apis_and_read_back_into_an_empty_plan()
    {
        var roles = _harness.Tenant.Roles;
        var clerk = roles.Add("clerk", "Reads orders");
        roles.Grant(clerk, "https://orders.example.com", "write:orders", "read:orders");
        roles.Grant(clerk, _harness.Tenant.Apis.System.Identifier, "read:clients");
        roles.Add("auditor");

        var export = await ExportAsync();

        export.DesiredState.Roles.Select(r => r.ToString()).Should().Equal(
            "Role 'auditor': []", "Role 'clerk': [https://orders.example.com read:orders, https://orders.example.com write:orders]");
        export.Omissions.Should().Contain(
            $"The permissions of the role 'clerk' on {_harness.Tenant.Apis.System.Identifier} are not exported (the API is not); a sync keeps them.");
        var fromJson = await _harness.PlanAsync(DesiredState.FromJson(export.ToJson()));
        fromJson.RoleChanges.Select(r => r.Kind).Should().Equal(ChangeKind.Unchanged, ChangeKind.Unchanged);
        fromJson.IsEmpty.Should().BeTrue(fromJson.ToString());
        var code = export.ToCSharp("AcmeTenant");
        code.Should().Contain("using Auth0ApiKit.Roles;").And.Contain("""
                    .WithRole(Role.Define("clerk")
                        .WithDescription("Reads orders")
                        .WithPermission(OrdersAPI, "read:orders")
                        .WithPermission(OrdersAPI, "write:orders")
                        .Build())
            """.ReplaceLineEndings());
        var compiled = CompileAndRead(code, "AcmeTenant");
        compiled.Roles.Should().Equal(export.DesiredState.Roles);
        (await _harness.PlanAsync(compiled)).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Class_and_namespace_names_must_be_csharp_names()
    {
        var export = await ExportAsync();

        export.Invoking(e => e.ToCSharp("Not A Name")).Should().Throw<ArgumentException>().WithParameterName("className");
        export.Invoking(e => e.ToCSharp("Ok", "Acme..Auth0")).Should().Throw<ArgumentException>().WithParameterName("namespaceName");
    }

    /// <summary>Compiles the exported source against the SDK, loads it apart, and reads its <c>Desired</c> property.</summary>
    private static DesiredState CompileAndRead(string code, string typeName)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(DesiredState).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Export", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
        emitted.Success.Should().BeTrue();
        image.Position = 0;
        var context = new AssemblyLoadContext("export", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(image).GetType(typeName, throwOnError: true)!;
            return (DesiredState)type.GetProperty("Desired", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
