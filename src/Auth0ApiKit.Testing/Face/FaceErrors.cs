using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing;

/// <summary>Turns an endpoint's refusal into a <see cref="FakeTenantException"/> for the tenant's face.</summary>
internal static class FaceErrors
{
    public static void ThrowUnless(FakeResponse response, int expectedStatus)
    {
        if (response.Status != expectedStatus)
        {
            Throw(response);
        }
    }

    /// <summary>Throws the refusal as a <see cref="FakeTenantException"/> with Auth0's message.</summary>
    [DoesNotReturn]
    public static void Throw(FakeResponse refusal)
    {
        string message;
        try
        {
            message = JsonSerializer.Deserialize(refusal.Body, WireJson.Context.ManagementErrorDto)?.Message ?? refusal.BodyText;
        }
        catch (JsonException)
        {
            message = refusal.BodyText;
        }

        throw new FakeTenantException(refusal.Status, message);
    }
}
