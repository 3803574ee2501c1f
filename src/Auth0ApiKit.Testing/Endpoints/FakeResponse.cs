using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>A response from a transport-free endpoint.</summary>
internal sealed class FakeResponse
{
    private const string JsonMediaType = "application/json; charset=utf-8";

    private readonly Func<byte[]>? _writeBody;
    private byte[]? _body;

    public FakeResponse(int status, byte[] body, string? contentType)
    {
        Status = status;
        _body = body;
        ContentType = contentType;
    }

    private FakeResponse(int status, object? value, Func<byte[]> writeBody, string contentType)
    {
        Status = status;
        Value = value;
        _writeBody = writeBody;
        ContentType = contentType;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The body bytes, written when first read: the tenant's face, which calls the endpoints directly, never reads a success's body.</summary>
    public byte[] Body => _body ?? LazyInitializer.EnsureInitialized(ref _body, _writeBody!);

    /// <summary>The body's content type, or <see langword="null"/> when there is no body.</summary>
    public string? ContentType { get; }

    /// <summary>The object a JSON answer was written from, for the tenant's face, which reads it instead of the body; otherwise <see langword="null"/>.</summary>
    public object? Value { get; }

    /// <summary>Response headers other than the content type.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the fake had already committed the request's change when a fault replaced this response.</summary>
    public bool Committed { get; init; }

    /// <summary>A response with no body.</summary>
    public static FakeResponse Empty(int status) => new(status, [], null);

    /// <summary>A JSON response from a source-generated type.</summary>
    public static FakeResponse Json<T>(int status, T value, JsonTypeInfo<T> typeInfo) =>
        new(status, value, () => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), JsonMediaType);

    /// <summary>A JSON response from JSON text already written.</summary>
    public static FakeResponse RawJson(int status, string json) => new(status, Encoding.UTF8.GetBytes(json), JsonMediaType);

    /// <summary>A JSON response from JSON bytes already written.</summary>
    public static FakeResponse RawJson(int status, byte[] json) => new(status, json, JsonMediaType);

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
