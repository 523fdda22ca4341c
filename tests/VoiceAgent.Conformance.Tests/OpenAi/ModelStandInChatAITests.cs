using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>
/// The stand-in through Microsoft.Extensions.AI as the app uses it: the real clients (Azure's AzureOpenAIClient on the
/// deployment route, OpenAI's on Azure's v1 route and on OpenAI's) <c>.AsIChatClient()</c> under
/// <c>UseFunctionInvocation()</c>, so a scripted tool call runs a real <see cref="AIFunction"/> and its result goes
/// back to the model in the next request; streamed and not; across two caller turns.
/// </summary>
public sealed class ModelStandInChatAITests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ModelScript AvailabilityScript() => ModelScript.Turn("(?i)oil change")
        .Calls("check_availability", new { service = "oil change", date = "2026-12-02" })
        .Then().ExpectsToolResult("check_availability", "(?i)\"Free\"").Says("Nine AM tomorrow is free. Shall I book it?")
        .Build();

    [Theory]
    [InlineData(ModelApiForm.Azure)]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task GetResponseAsync_ScriptedToolCall_InvokesTheFunctionAndSendsItsResultBack(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(AvailabilityScript(), None);
        var availability = new AvailabilityTool();
        using var client = FunctionCalling(standIn, form);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "An oil change tomorrow?")], availability.Options, None);

        Assert.Equal("Nine AM tomorrow is free. Shall I book it?", response.Text);
        Assert.Equal(("oil change", "2026-12-02"), Assert.Single(availability.Calls));
        Assert.True(standIn.Progress.Passed, standIn.Describe());
        var second = standIn.Requests[1];
        var result = Assert.Single(second.TrailingToolResults);
        Assert.Contains("\"Free\"", result.Content, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(second.Messages[^2].ToolCalls).Id, result.ToolCallId);
    }

    [Theory]
    [InlineData(ModelApiForm.Azure)]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task GetStreamingResponseAsync_ScriptedToolCall_InvokesTheFunctionThenStreamsTheReply(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(AvailabilityScript(), None);
        var availability = new AvailabilityTool();
        using var client = FunctionCalling(standIn, form);

        var texts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "An oil change tomorrow?")], availability.Options, None))
        {
            if (update.Text.Length > 0)
            {
                texts.Add(update.Text);
            }
        }

        Assert.Equal("Nine AM tomorrow is free. Shall I book it?", string.Concat(texts));
        Assert.True(texts.Count > 1, "the reply should arrive in several updates");
        Assert.Single(availability.Calls);
        Assert.All(standIn.Requests, request => Assert.True(request.Stream));
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Theory]
    [InlineData(ModelApiForm.Azure)]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task GetResponseAsync_MalformedArguments_FunctionInvocationReportsTheErrorWithoutCalling(ModelApiForm form)
    {
        var script = ModelScript.Turn()
            .CallsWithRawArguments("check_availability", """{"service": "oil change", "date": """)
            .Then().ExpectsToolResult("check_availability", "(?i)error").Says("Sorry, let me check that again.")
            .Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);
        var availability = new AvailabilityTool();
        using var client = FunctionCalling(standIn, form);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "An oil change tomorrow?")], availability.Options, None);

        Assert.Equal("Sorry, let me check that again.", response.Text);
        Assert.Empty(availability.Calls);
        Assert.Equal("check_availability", Assert.Single(standIn.Requests[1].Messages[^2].ToolCalls).Name);
        Assert.StartsWith("Error: Function failed.", Assert.Single(standIn.Requests[1].TrailingToolResults).Content, StringComparison.Ordinal);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    [Theory]
    [InlineData(ModelApiForm.Azure)]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task GetResponseAsync_TwoCallerTurns_EachStartsTheNextScriptedTurn(ModelApiForm form)
    {
        var booking = new { service = "oil change", start = "2026-12-02T09:00" };
        var script = ModelScript.Turn("(?i)oil change")
            .Calls("book_appointment", booking)
            .Then().ExpectsToolResult("book_appointment", "read_back").Says("An oil change tomorrow at 9 AM. Shall I book it?")
            .Turn("(?i)^yes")
            .Calls("book_appointment", booking)
            .Then().ExpectsToolResult("book_appointment", "booked").Says("You're booked. Anything else?")
            .Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);
        var bookings = 0;
        var book = AIFunctionFactory.Create((string service, string start) => Interlocked.Increment(ref bookings) == 1 ? new { status = "read_back" } : new { status = "booked" }, "book_appointment");
        var options = new ChatOptions { Tools = [book] };
        using var client = FunctionCalling(standIn, form);
        List<ChatMessage> history = [new(ChatRole.System, "You book appointments."), new(ChatRole.User, "An oil change tomorrow at 9")];

        var first = await client.GetResponseAsync(history, options, None);
        history.AddMessages(first);
        history.Add(new ChatMessage(ChatRole.User, "Yes please"));
        var second = await client.GetResponseAsync(history, options, None);

        Assert.Equal("An oil change tomorrow at 9 AM. Shall I book it?", first.Text);
        Assert.Equal("You're booked. Anything else?", second.Text);
        Assert.Equal(2, bookings);
        Assert.Equal(4, standIn.Requests.Count);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    private static IChatClient FunctionCalling(ModelStandIn standIn, ModelApiForm form) =>
        new ChatClientBuilder(ModelClients.Chat(standIn, form).AsIChatClient()).UseFunctionInvocation(configure: invoking => invoking.IncludeDetailedErrors = true).Build();

    /// <summary>A real <see cref="AIFunction"/> named like the app's tool, recording what it was called with.</summary>
    private sealed class AvailabilityTool
    {
        public AvailabilityTool() => Options = new ChatOptions { Tools = [AIFunctionFactory.Create(Check, "check_availability", "Free times for a service on a day.")] };

        public ConcurrentQueue<(string Service, string Date)> Calls { get; } = new();

        public ChatOptions Options { get; }

        private object Check(string service, string date)
        {
            Calls.Enqueue((service, date));
            return new { status = "Free", requested = $"{date}T09:00" };
        }
    }
}
