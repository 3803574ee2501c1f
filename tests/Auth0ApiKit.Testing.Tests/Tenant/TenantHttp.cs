using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>Plain HttpClient helpers for talking to a fake tenant as any client would.</summary>
internal static class TenantHttp
{
    /// <summary>A management token for an application authorized with <paramref name="scopes"/> (all modelled ones when null).</summary>
    public static async Task<string> ManagementTokenAsync(FakeTenant tenant, HttpClient http, IEnumerable<string>? scopes = null)
    {
        var app = tenant.CreateManagementApplication(scopes);
        var response = await http.PostAsync("oauth/token", Form(
            ("grant_type", "client_credentials"), ("client_id", app.ClientId), ("client_secret", app.ClientSecret.Reveal()),
            ("audience", tenant.Urls.ManagementApiAudience))).WaitAsync(Bound);
        response.EnsureSuccessStatusCode();
        return (await Json(response)).GetProperty("access_token").GetString()!;
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearer, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Bound);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> Text(HttpResponseMessage response) => await response.Content.ReadAsStringAsync().WaitAsync(Bound);

    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? bearer, string? json = null) =>
        http.SendAsync(Request(method, path, bearer, json)).WaitAsync(Bound);

    public static JsonContent JsonBody<T>(T value) => JsonContent.Create(value);
}
