using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using OpenAI;
using OpenAI.Chat;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>
/// Scripted faults as the real clients see them: 429 with Retry-After, 500, a hang ended by the caller's token or by
/// disposal, a slow first token, repeats consumed by the client's own retries.
/// </summary>
public sealed class ModelStandInFaultTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChatMessage[] Hello = [new UserChatMessage("Hello")];

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task RateLimited_SurfacesAsClientResultException429WithRetryAfter(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Fails(ScriptFault.RateLimited(TimeSpan.FromSeconds(2))).Build(), None);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => ModelClients.Chat(standIn, form).CompleteChatAsync(Hello, cancellationToken: None));

        Assert.Equal(429, error.Status);
        var response = error.GetRawResponse()!;
        Assert.True(response.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("2", retryAfter);
        Assert.Contains("rate_limit_exceeded", response.Content.ToString(), StringComparison.Ordinal);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task ServerError_SurfacesAsClientResultException500(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Fails(ScriptFault.ServerError).Build(), None);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => ModelClients.Chat(standIn, form).CompleteChatStreamingAsync(Hello, cancellationToken: None).GetAsyncEnumerator().MoveNextAsync().AsTask());

        Assert.Equal(500, error.Status);
        Assert.Contains("server_error", error.GetRawResponse()!.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFault_ClientRetries_ConsumeTheRepeatsThenTheNextStepAnswers()
    {
        var script = ModelScript.Turn("Hello").Fails(ScriptFault.ServerError, times: 2).Then().Says("Hi there.").Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);
        var chat = new OpenAIClient(new ApiKeyCredential(standIn.ApiKey), new OpenAIClientOptions { Endpoint = standIn.OpenAiEndpoint, RetryPolicy = new NoWaitRetryPolicy(3) }).GetChatClient(ModelClients.Model);

        ChatCompletion completion = await chat.CompleteChatAsync(Hello, cancellationToken: None);

        Assert.Equal("Hi there.", completion.Content[0].Text);
        Assert.Equal(3, standIn.Requests.Count);
        Assert.All(standIn.Requests, request => Assert.Equal("Hello", request.LastUserText));
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Fact]
    public async Task FaultOnEveryRequest_AnswersEveryTurnWithTheFault()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Turn().FailsEveryRequest(ScriptFault.ServerError).Build(), None);
        var chat = ModelClients.Chat(standIn, ModelApiForm.AzureV1);
        await chat.CompleteChatAsync(Hello, cancellationToken: None);

        for (var turn = 0; turn < 3; turn++)
        {
            var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage($"Are you there {turn}?")], cancellationToken: None));
            Assert.Equal(500, error.Status);
        }

        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task Hang_CallersTokenCancels_TheCallEndsWithCancellation(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Fails(ScriptFault.Hang).Build(), None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ModelClients.Chat(standIn, form).CompleteChatAsync(Hello, cancellationToken: deadline.Token));

        Assert.StartsWith("hang", Assert.Single(standIn.Requests).Answer, StringComparison.Ordinal);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Fact]
    public async Task Hang_StandInDisposed_DisposalAbortsTheHeldRequest()
    {
        var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Fails(ScriptFault.Hang).Build(), None);
        var call = ModelClients.Chat(standIn, ModelApiForm.OpenAi).CompleteChatAsync(Hello, cancellationToken: None);
        while (standIn.Requests.Count == 0)
        {
            await Task.Delay(10, None);
        }

        await standIn.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), None);

        await Assert.ThrowsAnyAsync<Exception>(() => call.WaitAsync(TimeSpan.FromSeconds(5), None));
        Assert.False(call.IsCanceled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SlowFirstToken_TheTextArrivesNoSoonerThanTheDelay(bool stream)
    {
        var delay = TimeSpan.FromMilliseconds(400);
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().FirstTokenAfter(delay).Says("Sorry for the wait.").Build(), None);
        var chat = ModelClients.Chat(standIn, ModelApiForm.AzureV1);

        var clock = Stopwatch.StartNew();
        var firstText = TimeSpan.Zero;
        if (stream)
        {
            await foreach (var update in chat.CompleteChatStreamingAsync(Hello, cancellationToken: None))
            {
                if (firstText == TimeSpan.Zero && update.ContentUpdate.Any(part => part.Text.Length > 0))
                {
                    firstText = clock.Elapsed;
                }
            }
        }
        else
        {
            await chat.CompleteChatAsync(Hello, cancellationToken: None);
            firstText = clock.Elapsed;
        }

        Assert.True(firstText >= delay - TimeSpan.FromMilliseconds(20), $"first text after {firstText.TotalMilliseconds} ms");
        Assert.Equal(stream, Assert.Single(standIn.Requests).Stream);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }
}
