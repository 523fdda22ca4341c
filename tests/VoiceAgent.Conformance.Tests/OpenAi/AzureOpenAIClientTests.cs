using System.ClientModel;
using Microsoft.Extensions.AI;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>
/// The stand-in's classic Azure form (<c>/openai/deployments/{deployment}/chat/completions?api-version=…</c>) through
/// Azure's own <c>AzureOpenAIClient</c> <c>.AsIChatClient()</c>, as core reaches Azure OpenAI: what it sends, and the
/// faults as it surfaces them.
/// </summary>
/// <remarks>
/// Only through Microsoft.Extensions.AI: Azure.AI.OpenAI 2.1.0 calls OpenAI internals removed in OpenAI 2.6
/// (Azure/azure-sdk-for-net#53986), so with the OpenAI 2.14 that Microsoft.Extensions.AI.OpenAI 10.11 brings, the
/// ChatClient's own CompleteChat/CompleteChatStreaming throw MissingMethodException
/// (ChatCompletionOptions.get_SerializedAdditionalRawData) before sending. The IChatClient adapter does not go through
/// those overrides, and works; it also skips Azure's request fix-ups (it sends max_completion_tokens and stream_options).
/// </remarks>
public sealed class AzureOpenAIClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task GetResponseAsync_ReachesTheDeploymentRouteWithApiKeyAndVersion()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("We're open eight to five.").Build(), None);
        using var client = Client(standIn);

        var response = await client.GetResponseAsync(Hello, new ChatOptions { MaxOutputTokens = 300 }, None);

        Assert.Equal("We're open eight to five.", response.Text);
        Assert.True(response.Usage?.TotalTokenCount > 0);
        var request = Assert.Single(standIn.Requests);
        Assert.Equal((ModelApiForm.Azure, ModelClients.Deployment, 300), (request.Form, request.Deployment, request.MaxTokens));
        Assert.Matches("^20[0-9]{2}-[0-9]{2}-[0-9]{2}", request.ApiVersion);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamsTheTextWordByWordWithUsage()
    {
        const string Say = "That's an oil change tomorrow at 9 AM.";
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says(Say).Build(), None);
        using var client = Client(standIn);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: None))
        {
            updates.Add(update);
        }

        var texts = updates.Select(update => update.Text).Where(text => text.Length > 0).ToArray();
        Assert.Equal(Say, string.Concat(texts));
        Assert.Equal(Say.Split(' ').Length, texts.Length);
        Assert.True(Assert.Single(standIn.Requests).IncludeUsage);
        Assert.Contains(updates.SelectMany(update => update.Contents), content => content is UsageContent { Details.TotalTokenCount: > 0 });
    }

    [Fact]
    public async Task RateLimited_SurfacesAs429WithRetryAfter()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Fails(ScriptFault.RateLimited(TimeSpan.FromSeconds(3))).Build(), None);
        using var client = Client(standIn);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync(Hello, cancellationToken: None));

        Assert.Equal(429, error.Status);
        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("3", retryAfter);
    }

    [Fact]
    public async Task Hang_CallersTokenCancels_TheCallEndsWithCancellation()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Fails(ScriptFault.Hang).Build(), None);
        using var client = Client(standIn);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Hello, cancellationToken: deadline.Token));
    }

    [Fact]
    public async Task WrongKey_IsRefusedWith401()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        using var client = ModelClients.Chat(standIn, ModelApiForm.Azure, key: "wrong").AsIChatClient();

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync(Hello, cancellationToken: None));

        Assert.Equal(401, error.Status);
        Assert.Contains("api-key", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
    }

    private static IChatClient Client(ModelStandIn standIn) => ModelClients.Chat(standIn, ModelApiForm.Azure).AsIChatClient();
}
