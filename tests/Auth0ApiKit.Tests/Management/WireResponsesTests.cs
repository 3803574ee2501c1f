using System.Net;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Tests.Management;

/// <summary>Reading success answers: whole bodies of any size up to the cap, and typed errors for the rest.</summary>
public sealed class WireResponsesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_a_large_body_whole_with_or_without_a_content_length(bool sized)
    {
        var rows = Enumerable.Range(0, 2_000).Select(i => new ResourceServerDto { Id = i.ToString("x24", null), Identifier = $"urn:api:{i}" }).ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes(rows, WireJson.Context.ListResourceServerDto);
        using var response = Response(json, sized);

        var read = await WireResponses.ReadAsync(response, WireJson.Context.ListResourceServerDto, CancellationToken.None).Within();

        json.Length.Should().BeGreaterThan(64 * 1024);
        read.Select(r => r.Identifier).Should().Equal(rows.Select(r => r.Identifier));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refuses_a_body_over_the_cap(bool sized)
    {
        using var response = Response(new byte[WireResponses.MaxBodyBytes + 1], sized);

        var act = () => WireResponses.ReadAsync(response, WireJson.Context.ResourceServerDto, CancellationToken.None).Within();

        (await act.Should().ThrowAsync<Auth0Exception>()).Which.Message.Should().Contain($"over the {WireResponses.MaxBodyBytes}");
    }

    [Theory]
    [InlineData("""{"id":"abc","identifier":""", "a body that is not the JSON expected")]
    [InlineData("null", "null instead of a JSON value")]
    [InlineData("""{"id":42}""", "a body that is not the JSON expected")]
    public async Task Turns_a_body_of_the_wrong_shape_into_an_Auth0Exception(string body, string what)
    {
        using var response = Response(Encoding.UTF8.GetBytes(body), sized: false);

        var act = () => WireResponses.ReadAsync(response, WireJson.Context.ResourceServerDto, CancellationToken.None).Within();

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        failure.Message.Should().StartWith($"Auth0 answered 200 OK with {what}");
        failure.StatusCode.Should().Be(HttpStatusCode.OK);
        failure.ResponseExcerpt.Should().Be(body);
    }

    private static HttpResponseMessage Response(byte[] body, bool sized) =>
        new(HttpStatusCode.OK) { Content = sized ? new ByteArrayContent(body) : new UnsizedContent(body) };

    /// <summary>A body whose length is not known in advance (chunked transfer).</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
