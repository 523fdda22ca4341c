using System.Text.Json;
using OpenAI.Chat;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>
/// The stand-in through OpenAI's own <see cref="ChatClient"/> on OpenAI's route and Azure's v1 route: the client reads
/// its completions, streamed and not, with text, tool calls and usage; and it records what the client sent.
/// </summary>
/// <remarks>Not through AzureOpenAIClient's ChatClient: with OpenAI 2.14 its own methods cannot run (see <see cref="AzureOpenAIClientTests"/>).</remarks>
public sealed class ModelStandInChatClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task CompleteChatAsync_ScriptedSay_ReturnsTheTextWithStopAndUsage(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn("(?i)hours").Says("We're open eight to five.").Build(), None);

        ChatCompletion completion = await ModelClients.Chat(standIn, form).CompleteChatAsync([new SystemChatMessage("You are the shop."), new UserChatMessage("What are your hours?")], cancellationToken: None);

        Assert.Equal("We're open eight to five.", Assert.Single(completion.Content).Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task CompleteChatAsync_ScriptedToolCalls_ReturnsEachCallWithItsJsonArguments(ModelApiForm form)
    {
        var script = ModelScript.Turn()
            .Calls("check_availability", new { service = "oil change", date = "2026-12-02", time = "09:00" })
            .Calls("find_customer")
            .Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);

        ChatCompletion completion = await ModelClients.Chat(standIn, form).CompleteChatAsync([new UserChatMessage("Oil change tomorrow at 9?")], cancellationToken: None);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        Assert.Collection(
            completion.ToolCalls,
            call =>
            {
                Assert.Equal("check_availability", call.FunctionName);
                using var arguments = JsonDocument.Parse(call.FunctionArguments.ToString());
                Assert.Equal("2026-12-02", arguments.RootElement.GetProperty("date").GetString());
                Assert.Equal("oil change", arguments.RootElement.GetProperty("service").GetString());
            },
            call => Assert.Equal(("find_customer", "{}"), (call.FunctionName, call.FunctionArguments.ToString())));
        Assert.All(completion.ToolCalls, call => Assert.StartsWith("call_", call.Id, StringComparison.Ordinal));
        Assert.NotEqual(completion.ToolCalls[0].Id, completion.ToolCalls[1].Id);
    }

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task CompleteChatStreamingAsync_ScriptedSay_StreamsTheTextWordByWord(ModelApiForm form)
    {
        const string Say = "That's an oil change tomorrow at 9 AM. Shall I book it?";
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says(Say).Build(), None);

        var pieces = new List<string>();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in ModelClients.Chat(standIn, form).CompleteChatStreamingAsync([new UserChatMessage("Oil change tomorrow at 9")], cancellationToken: None))
        {
            pieces.AddRange(update.ContentUpdate.Select(part => part.Text));
            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal(Say, string.Concat(pieces));
        Assert.Equal(Say.Split(' ').Length, pieces.Count(piece => piece.Length > 0));
        Assert.Equal(ChatFinishReason.Stop, finish);
        var request = Assert.Single(standIn.Requests);
        Assert.True(request.Stream);
        Assert.Equal(request.IncludeUsage, usage is not null);
        Assert.True(usage is null || usage.TotalTokenCount > 0);
    }

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task CompleteChatStreamingAsync_ScriptedToolCall_ClientAssemblesIdNameAndArguments(ModelApiForm form)
    {
        var script = ModelScript.Turn().Calls("book_appointment", new { service = "oil change", start = "2026-12-02T09:00" }).Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);

        var (id, name, arguments, pieces) = ("", "", "", 0);
        ChatFinishReason? finish = null;
        await foreach (var update in ModelClients.Chat(standIn, form).CompleteChatStreamingAsync([new UserChatMessage("Book it")], cancellationToken: None))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                Assert.Equal(0, call.Index);
                id += call.ToolCallId;
                name += call.FunctionName;
                var piece = call.FunctionArgumentsUpdate?.ToString() ?? "";
                arguments += piece;
                pieces += piece.Length > 0 ? 1 : 0;
            }

            finish ??= update.FinishReason;
        }

        Assert.StartsWith("call_", id, StringComparison.Ordinal);
        Assert.Equal("book_appointment", name);
        Assert.Equal("""{"service":"oil change","start":"2026-12-02T09:00"}""", arguments);
        Assert.True(pieces > 1, "the arguments should arrive in several pieces");
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
    }

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task Requests_ToolRoundTrip_RecordHistoryToolsAndLimitsAsSent(ModelApiForm form)
    {
        var script = ModelScript.Turn("(?i)oil change")
            .Calls("check_availability", new { service = "oil change", date = "2026-12-02" })
            .Then().ExpectsToolResult("check_availability", "\"Free\"").Says("9 AM is free.")
            .Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);
        var chat = ModelClients.Chat(standIn, form);
        var tool = ChatTool.CreateFunctionTool("check_availability", "Free times for a service on a day.", BinaryData.FromString("""{"type":"object","properties":{"service":{"type":"string"},"date":{"type":"string"}}}"""));
        var options = new ChatCompletionOptions { Tools = { tool }, MaxOutputTokenCount = 300 };
        List<ChatMessage> history = [new SystemChatMessage("You book appointments."), new UserChatMessage("An oil change tomorrow?")];

        ChatCompletion first = await chat.CompleteChatAsync(history, options, None);
        history.Add(new AssistantChatMessage(first));
        history.Add(new ToolChatMessage(first.ToolCalls[0].Id, """{"status":"Free"}"""));
        ChatCompletion second = await chat.CompleteChatAsync(history, options, None);

        Assert.Equal("9 AM is free.", second.Content[0].Text);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
        var (one, two) = (standIn.Requests[0], standIn.Requests[1]);
        Assert.Equal((form, ModelClients.NameIn(form), null), (one.Form, one.Model, one.Deployment));
        var offered = Assert.Single(one.Tools);
        Assert.Equal(("check_availability", "Free times for a service on a day."), (offered.Name, offered.Description));
        Assert.Contains("\"date\"", offered.ParametersJson, StringComparison.Ordinal);
        Assert.Equal(300, one.MaxTokens);
        Assert.Equal(["system", "user", "assistant", "tool"], two.Messages.Select(message => message.Role));
        Assert.Equal(first.ToolCalls[0].Id, Assert.Single(two.Messages[2].ToolCalls).Id);
        Assert.Equal(first.ToolCalls[0].Id, two.Messages[3].ToolCallId);
        Assert.Equal("""{"status":"Free"}""", Assert.Single(two.TrailingToolResults).Content);
    }
}
