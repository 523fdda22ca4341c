using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>The stand-in's wire format checked byte-level with a plain HttpClient: server-sent events, routes and the errors of the transport.</summary>
public sealed class ModelStandInWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Streaming_WithIncludeUsage_SendsChunkEventsThenAUsageChunkThenDone()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Open eight to five.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "v1/chat/completions", """{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hours?"}]}"""), None);
        var body = await response.Content.ReadAsStringAsync(None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, line => Assert.StartsWith("data: ", line, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(line => JsonDocument.Parse(line["data: ".Length..]).RootElement).ToArray();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(chunk => chunk.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("Open eight to five.", string.Concat(chunks.Where(HasChoice).Select(chunk => Delta(chunk, "content"))));
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Streaming_WithoutIncludeUsage_SendsNoUsage()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "v1/chat/completions", """{"model":"m","stream":true,"messages":[{"role":"user","content":"Hello"}]}"""), None);
        var body = await response.Content.ReadAsStringAsync(None);

        Assert.DoesNotContain("usage", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat/completions")]
    [InlineData("v1/completions")]
    [InlineData("openai/deployments/d/completions?api-version=2024-10-21")]
    public async Task UnknownRoute_Is404AndAProblem(string path)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, path, """{"messages":[{"role":"user","content":"Hello"}]}"""), None);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no such route: POST /", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureForm_WithoutApiVersion_Is400AndAProblem()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "openai/deployments/d/chat/completions", """{"messages":[{"role":"user","content":"Hello"}]}""", azure: true), None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("api-version", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"model":"m"}""")]
    public async Task UnreadableBody_Is400InOpenAisErrorShape(string body)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "v1/chat/completions", body), None);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(None));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Single(standIn.Progress.Problems);
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task AzureDeploymentRoute_WithApiKeyAndVersion_RecordsTheDeploymentAndVersion()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "openai/deployments/voice/chat/completions?api-version=2024-10-21", """{"messages":[{"role":"user","content":"Hello"}]}""", azure: true), None);
        using var completion = JsonDocument.Parse(await response.Content.ReadAsStringAsync(None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chat.completion", completion.RootElement.GetProperty("object").GetString());
        Assert.Equal("voice", completion.RootElement.GetProperty("model").GetString());
        var request = Assert.Single(standIn.Requests);
        Assert.Equal((ModelApiForm.Azure, "voice", "2024-10-21"), (request.Form, request.Deployment, request.ApiVersion));
    }

    [Theory]
    [InlineData("openai/deployments/voice/chat/completions?api-version=2024-10-21", false)]
    [InlineData("v1/chat/completions", true)]
    public async Task KeyInTheOtherFormsHeader_Is401(string path, bool apiKeyHeader)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, path, """{"messages":[{"role":"user","content":"Hello"}]}""", azure: apiKeyHeader), None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(standIn.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AzureV1Route_AcceptsTheKeyInEitherHeader(bool apiKeyHeader)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "openai/v1/chat/completions", """{"model":"voice","messages":[{"role":"user","content":"Hello"}]}""", azure: apiKeyHeader), None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ModelApiForm.AzureV1, Assert.Single(standIn.Requests).Form);
    }

    [Fact]
    public async Task ContentParts_AreRecordedAsTheirJoinedText()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn("^Hello there$").Says("Hi.").Build(), None);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(standIn, "v1/chat/completions", """{"model":"m","messages":[{"role":"developer","content":[{"type":"text","text":"Be brief."}]},{"role":"user","content":[{"type":"text","text":"Hello "},{"type":"text","text":"there"}]}]}"""), None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Be brief.", Assert.Single(standIn.Requests).SystemPrompt);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    private static bool HasChoice(JsonElement chunk) => chunk.GetProperty("choices").GetArrayLength() > 0;

    private static string Delta(JsonElement chunk, string field) =>
        chunk.GetProperty("choices")[0].GetProperty("delta").TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static HttpRequestMessage Post(ModelStandIn standIn, string path, string json, bool azure = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(standIn.BaseUrl, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (azure)
        {
            request.Headers.Add("api-key", standIn.ApiKey);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", standIn.ApiKey);
        }

        return request;
    }
}
