using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing;

/// <summary>Turns an endpoint's refusal into a <see cref="FakeTenantException"/> for the tenant's face.</summary>
internal static class FaceErrors
{
    public static void ThrowUnless(FakeResponse response, int expectedStatus)
    {
        if (response.Status == expectedStatus)
        {
            return;
        }

        string message;
        try
        {
            message = JsonSerializer.Deserialize(response.Body, WireJson.Context.ManagementErrorDto)?.Message ?? response.BodyText;
        }
        catch (JsonException)
        {
            message = response.BodyText;
        }

        throw new FakeTenantException(response.Status, message);
    }
}
