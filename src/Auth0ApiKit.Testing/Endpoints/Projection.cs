using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// Auth0's <c>fields</c> + <c>include_fields</c> projection of read answers: with <c>include_fields=true</c> (the
/// default) an item keeps only the named properties, with <c>false</c> every property but those; <c>a.b</c> names a
/// property of a nested object. Client items also carry the tenant's name first (Auth0 adds <c>tenant</c>). Answers
/// without <c>fields</c> never come here: they are serialized as before, at no extra cost.
/// </summary>
internal sealed class Projection
{
    /// <summary>Auth0's description of <c>fields</c>, which its query-validation message quotes.</summary>
    private const string FieldsDescription =
        "A comma separated list of fields to include or exclude (depending on include_fields) from the result, empty to retrieve all fields";

    private const string Tenant = "tenant";

    private readonly HashSet<string> _whole;
    private readonly Dictionary<string, HashSet<string>> _nested;
    private readonly bool _include;
    private readonly string? _tenant;

    private Projection(HashSet<string> whole, Dictionary<string, HashSet<string>> nested, bool include, string? tenant)
    {
        _whole = whole;
        _nested = nested;
        _include = include;
        _tenant = tenant;
    }

    /// <summary>
    /// Reads <c>fields</c> and <c>include_fields</c>; <paramref name="projection"/> is <see langword="null"/> when
    /// <c>fields</c> is absent or empty (Auth0: "empty to retrieve all fields").
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="readable">The names <c>fields</c> may list, in Auth0's order; <see langword="null"/> accepts any name (unknown ones match nothing).</param>
    /// <param name="tenantName">The tenant's name, which every item carries as <c>tenant</c>; <see langword="null"/> adds nothing.</param>
    /// <param name="projection">The projection asked for.</param>
    /// <returns>Auth0's query-validation error, or <see langword="null"/>.</returns>
    public static FakeResponse? Read(FakeRequest request, ReadableFields? readable, string? tenantName, out Projection? projection)
    {
        projection = null;
        if (Paging.ReadBoolean(request, "include_fields", out var include, fallback: true) is { } includeError)
        {
            return includeError;
        }

        if (request.Query["fields"] is not { Length: > 0 } fields)
        {
            return null;
        }

        var names = fields.Split(',');
        if (readable is not null && !names.All(readable.Contains))
        {
            return ManagementErrors.InvalidQuery(
                $"String '{fields}' does not match pattern. Must be a comma separated list of the following values: {readable.Listed}",
                "fields", FieldsDescription);
        }

        var whole = new HashSet<string>(StringComparer.Ordinal);
        var nested = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.Length > 0))
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                whole.Add(name);
            }
            else if (!nested.TryGetValue(name[..dot], out var inner))
            {
                nested.Add(name[..dot], new HashSet<string>(StringComparer.Ordinal) { name[(dot + 1)..] });
            }
            else
            {
                inner.Add(name[(dot + 1)..]);
            }
        }

        projection = new Projection(whole, nested, include, tenantName);
        return null;
    }

    /// <summary>One projected item.</summary>
    public FakeResponse Item<T>(T item, JsonTypeInfo<T> typeInfo) => Write(writer => WriteItem(writer, item, typeInfo));

    /// <summary>
    /// A projected list: a bare array when <paramref name="envelope"/> is <see langword="null"/>; otherwise an object
    /// with <paramref name="totals"/> first when given, the items under <paramref name="envelope"/>, then <c>next</c> when given.
    /// </summary>
    public FakeResponse List<T>(IEnumerable<T> items, JsonTypeInfo<T> typeInfo, string? envelope = null,
        (int Total, int Start, int Limit)? totals = null, string? next = null) => Write(writer =>
    {
        if (envelope is not null)
        {
            writer.WriteStartObject();
            if (totals is { } t)
            {
                writer.WriteNumber("total", t.Total);
                writer.WriteNumber("start", t.Start);
                writer.WriteNumber("limit", t.Limit);
            }

            writer.WritePropertyName(envelope);
        }

        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteItem(writer, item, typeInfo);
        }

        writer.WriteEndArray();
        if (envelope is not null)
        {
            if (next is not null)
            {
                writer.WriteString("next", next);
            }

            writer.WriteEndObject();
        }
    });

    private static FakeResponse Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WireJson.Context.Options.Encoder }))
        {
            write(writer);
        }

        return FakeResponse.RawJson(200, buffer.WrittenSpan.ToArray());
    }

    /// <summary>Copies the kept properties of the item as the wire serializes it; <c>tenant</c> comes first and is always kept when fields are included (Auth0 adds it).</summary>
    private void WriteItem<T>(Utf8JsonWriter writer, T item, JsonTypeInfo<T> typeInfo)
    {
        var element = WireJson.ToElement(item, typeInfo);
        writer.WriteStartObject();
        if (_tenant is not null && (_include || !_whole.Contains(Tenant)))
        {
            writer.WriteString(Tenant, _tenant);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (_tenant is not null && property.NameEquals(Tenant))
            {
                continue;
            }

            if (_nested.TryGetValue(property.Name, out var inner) && !_whole.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Object)
            {
                WriteNested(writer, property, inner);
            }
            else if (Keeps(property.Name))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>A nested object with only (or without) the named inner properties; left out when nothing of it is kept.</summary>
    private void WriteNested(Utf8JsonWriter writer, JsonProperty property, HashSet<string> inner)
    {
        var kept = property.Value.EnumerateObject().Where(p => inner.Contains(p.Name) == _include).ToList();
        if (kept.Count == 0 && _include)
        {
            return;
        }

        writer.WritePropertyName(property.Name);
        writer.WriteStartObject();
        foreach (var p in kept)
        {
            p.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private bool Keeps(string name) => _whole.Contains(name) == _include;
}

/// <summary>
/// The names a resource's <c>fields</c> parameter may list, in Auth0's order: Auth0's own list from its query
/// pattern, which names sub-fields (<c>jwt_configuration.alg</c>) and fields no write takes, so it is not the field table's.
/// </summary>
internal sealed class ReadableFields
{
    private readonly HashSet<string> _names;

    private ReadableFields(IReadOnlyList<string> names)
    {
        _names = new HashSet<string>(names, StringComparer.Ordinal);
        Listed = string.Join(',', names);
    }

    /// <summary>
    /// <c>GET /api/v2/clients[/{id}]</c>: the names of the pattern of Auth0's OpenAPI document (2026-05). Resource servers
    /// have no list: Auth0 documents no <c>fields</c> for them, yet honours it, so the fake accepts any name there.
    /// </summary>
    public static ReadableFields Clients { get; } = new(
    [
        "name", "description", "callbacks", "oidc_backchannel_logout", "oidc_logout", "session_transfer", "allowed_origins",
        "web_origins", "client_id", "tenant", "global", "config_route", "callback_url_template", "jwt_configuration",
        "jwt_configuration.lifetime_in_seconds", "jwt_configuration.secret_encoded", "jwt_configuration.scopes",
        "jwt_configuration.alg", "api_type", "logo_uri", "allowed_clients", "owners", "custom_login_page",
        "custom_login_page_on", "sso", "addons", "form_template", "custom_login_page_preview", "encryption_key",
        "encryption_key.pub", "encryption_key.cert", "client_secret", "signing_keys", "mobile", "mobile.android", "mobile.ios",
        "token_endpoint_auth_method", "allowed_logout_urls", "app_type", "is_first_party", "oidc_conformant", "client_metadata",
        "is_token_endpoint_ip_header_trusted", "initiate_login_uri", "grant_types", "refresh_token", "refresh_token.rotation_type",
        "refresh_token.expiration_type", "refresh_token.leeway", "refresh_token.policies", "refresh_token.token_lifetime",
        "default_organization", "organization_usage", "organization_require_behavior", "organization_discovery_methods",
        "client_authentication_methods", "client_authentication_methods.private_key_jwt", "require_pushed_authorization_requests",
        "require_proof_of_possession", "id_token", "signed_request_object", "signed_request_object.required",
        "signed_request_object.credentials", "compliance_level", "skip_non_verifiable_callback_uri_confirmation_prompt",
        "token_exchange", "token_exchange.allow_any_profile_of_type", "token_quota", "identity_assertion_authorization_grant",
        "third_party_security_mode", "subject_type_authorization", "resource_server_identifier", "express_configuration",
        "my_organization_configuration", "async_approval_notification_channels", "token_vault_privileged_access",
        "token_vault_privileged_access.credentials", "registration_type", "external_metadata_type", "external_metadata_created_by",
        "external_client_id", "redirection_policy",
    ]);

    /// <summary>The names joined by commas, as Auth0's error message lists them.</summary>
    public string Listed { get; }

    public bool Contains(string name) => _names.Contains(name);
}
