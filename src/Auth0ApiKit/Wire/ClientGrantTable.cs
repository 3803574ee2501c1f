using System.Text.Json;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// Every property of a client grant (an authorization of an application for an API) that Auth0's Management API
/// accepts or returns, with Auth0's rule, PATCH behaviour and the default a real tenant returns (AUTH0-SCHEMAS.md
/// section 4). Create is closed with <c>audience</c> required; PATCH is closed, needs one property and takes
/// <c>null</c> for the rows Auth0's update schema types as nullable.
/// </summary>
internal static class ClientGrantTable
{
    /// <summary>The only value of <c>default_for</c>: the grant applies to every third-party application.</summary>
    public const string ThirdPartyClients = "third_party_clients";

    /// <summary>The grant's properties, in the order Auth0 returns them.</summary>
    public static WireShape Shape { get; } = new(
        WireField.String(F.Id).ReadOnly(),
        WireField.String(F.ClientId).CreateOnly(),
        WireField.String(F.Audience).Length(1).IsRequired().CreateOnly(),
        WireField.Array(F.Scope, WireField.String("items").Length(1, 280)).NullableOnUpdate().DefaultsTo("[]"),
        WireField.String(F.SubjectType).OneOf(F.ClientSubjectType, F.UserSubjectType).CreateOnly().DefaultsTo($"\"{F.ClientSubjectType}\""),
        WireField.String(F.DefaultFor).OneOf(ThirdPartyClients).CreateOnly(),
        WireField.Boolean(F.AllowAllScopes).NullableOnUpdate(),
        WireField.String("organization_usage").OneOf("deny", "allow", "require").NullableOnUpdate(),
        WireField.Boolean("allow_any_organization").NullableOnUpdate(),
        WireField.Array("authorization_details_types", WireField.String("items").Length(1, 255)),
        WireField.Boolean("is_system").ReadOnly())
    {
        MinUpdateProperties = 1,

        // Every create names a new application's client id: no two bodies are alike.
        RemembersCreates = false,
    };

    /// <summary>
    /// Stores one property of a grant row: in the typed property where <see cref="ClientGrantDto"/> models it, else as
    /// an additional property (sharing <paramref name="value"/>, which is immutable).
    /// </summary>
    public static void Store(ClientGrantDto row, string name, JsonElement value)
    {
        switch (name)
        {
            case F.ClientId: row.ClientId = value.GetString(); break;
            case F.Audience: row.Audience = value.GetString(); break;
            case F.SubjectType: row.SubjectType = value.GetString(); break;
            case F.Scope:
                row.Scope = new List<string>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    row.Scope.Add(item.GetString()!);
                }

                break;
            default: (row.AdditionalProperties ??= new(StringComparer.Ordinal))[name] = value; break;
        }
    }
}
