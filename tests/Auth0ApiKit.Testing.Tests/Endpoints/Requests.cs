using System.Text;
using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>Builds transport-free requests and reads responses for endpoint tests.</summary>
internal static class Requests
{
    public const string ManagementAudience = "https://contract.auth0.local/api/v2/";

    public static TenantStore NewStore(int seed = 1) => new(Tokens.TenantUrls.ForDomain("contract.auth0.local"), new IdGenerator(seed));

    public static FakeRequest Json(string method, string path, string? body = null, string query = "") =>
        new(method, path, query,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
            body is null ? [] : Encoding.UTF8.GetBytes(body));

    public static FakeRequest Get(string path, string query = "") => Json("GET", path, null, query);

    public static JsonElement Parse(this FakeResponse response) => JsonDocument.Parse(response.Body).RootElement.Clone();

    /// <summary>Asserts Auth0's 400 <c>invalid_query_string</c> and returns its message.</summary>
    public static string QueryErrorMessage(this FakeResponse response)
    {
        response.Status.Should().Be(400);
        var error = response.Parse();
        error.GetProperty("errorCode").GetString().Should().Be("invalid_query_string");
        return error.GetProperty("message").GetString()!;
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> has exactly the properties of <paramref name="expectedJson"/> (plus the
    /// <paramref name="generated"/> ones, whatever their value), each with the same JSON; order is not compared.
    /// </summary>
    public static void ShouldHaveExactly(this JsonElement actual, string expectedJson, params string[] generated)
    {
        var expected = JsonDocument.Parse(expectedJson).RootElement;
        actual.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            expected.EnumerateObject().Select(p => p.Name).Concat(generated), "Auth0 answers with exactly these properties");
        foreach (var property in expected.EnumerateObject())
        {
            JsonElement.DeepEquals(actual.GetProperty(property.Name), property.Value).Should()
                .BeTrue($"{property.Name} should be {property.Value.GetRawText()} but is {actual.GetProperty(property.Name).GetRawText()}");
        }
    }
}
