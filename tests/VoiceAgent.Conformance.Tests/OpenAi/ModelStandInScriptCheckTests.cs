using System.ClientModel;
using OpenAI.Chat;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>
/// What the stand-in refuses, through the real clients: a wrong key (401), and every request the script does not
/// expect (400 with the reason, recorded as a problem); and the steps a run left unanswered.
/// </summary>
public sealed class ModelStandInScriptCheckTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(ModelApiForm.AzureV1)]
    [InlineData(ModelApiForm.OpenAi)]
    public async Task WrongKey_IsRefusedWith401AndRecorded(ModelApiForm form)
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => ModelClients.Chat(standIn, form, key: "sk-wrong").CompleteChatAsync([new UserChatMessage("Hello")], cancellationToken: None));

        Assert.Equal(401, error.Status);
        Assert.Contains("invalid_api_key", error.GetRawResponse()!.Content.ToString(), StringComparison.Ordinal);
        Assert.Empty(standIn.Requests);
        Assert.Contains("401", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
        Assert.False(standIn.Progress.Finished);
    }

    [Fact]
    public async Task CallerMismatch_IsRefusedWith400NamingThePatternAndMovesNothing()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn("(?i)^yes").Says("Booked.").Build(), None);

        var error = await Refused(standIn, [new UserChatMessage("No, thanks")]);

        Assert.Contains("model script: turn 1", error, StringComparison.Ordinal);
        Assert.Contains("does not match /(?i)^yes/", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
        Assert.Contains("turn 1", Assert.Single(standIn.Progress.Unconsumed), StringComparison.Ordinal);
        Assert.StartsWith("400", Assert.Single(standIn.Requests).Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerTurnBeyondTheScript_IsRefusedAsUnscripted()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        var chat = ModelClients.Chat(standIn, ModelApiForm.OpenAi);
        await chat.CompleteChatAsync([new UserChatMessage("Hello")], cancellationToken: None);

        await Refused(standIn, [new UserChatMessage("Hello"), new AssistantChatMessage("Hi."), new UserChatMessage("Are you open Sunday?")]);

        Assert.Contains("unscripted caller message \"Are you open Sunday?\"", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
        Assert.True(standIn.Progress.Finished);
        Assert.False(standIn.Progress.Passed);
    }

    [Fact]
    public async Task NewCallerTurn_WhileTheTurnHasStepsLeft_IsRefused()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Calls("find_customer").Then().Says("Hi Sam.").Build(), None);
        var chat = ModelClients.Chat(standIn, ModelApiForm.AzureV1);
        await chat.CompleteChatAsync([new UserChatMessage("Hello")], cancellationToken: None);

        await Refused(standIn, [new UserChatMessage("Hello again")]);

        Assert.Contains("turn 1 still has steps left: step 2 say \"Hi Sam.\"", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolResultNotMatchingTheExpectation_IsRefusedWithTheResult()
    {
        var script = ModelScript.Turn().Calls("check_availability", new { service = "oil change", date = "2026-12-02" })
            .Then().ExpectsToolResult("check_availability", "\"Free\"").Says("It's free.").Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);
        var chat = ModelClients.Chat(standIn, ModelApiForm.OpenAi);
        List<ChatMessage> history = [new UserChatMessage("Oil change tomorrow?")];
        ChatCompletion first = await chat.CompleteChatAsync(history, cancellationToken: None);
        history.Add(new AssistantChatMessage(first));
        history.Add(new ToolChatMessage(first.ToolCalls[0].Id, """{"status":"Full"}"""));

        await Refused(standIn, history);

        var problem = Assert.Single(standIn.Progress.Problems);
        Assert.Contains("the result of check_availability does not match /\"Free\"/", problem, StringComparison.Ordinal);
        Assert.Contains("Full", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemPromptNotMatchingTheExpectation_IsRefused()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().ExpectsSystem("(?i)Joe's Garage").Says("Hi.").Build(), None);

        await Refused(standIn, [new SystemChatMessage("You are the receptionist of Main Street Auto."), new UserChatMessage("Hello")]);

        Assert.Contains("the system prompt does not match", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolResultAnsweringNoCall_IsRefusedAsAProtocolError()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);

        await Refused(standIn, [new UserChatMessage("Hello"), new ToolChatMessage("call_nobody", "{}")]);

        Assert.Contains("protocol: messages[1]: messages with role 'tool' must be a response", Assert.Single(standIn.Progress.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnansweredSteps_AreReportedAsUnconsumedWithTheirPlace()
    {
        var script = ModelScript.Turn("(?i)oil").Calls("check_availability", new { service = "oil change", date = "2026-12-02" }).Then().Says("It's free.")
            .Turn("(?i)^yes").Says("Booked.").Build();
        await using var standIn = await ModelStandIn.StartAsync(script, None);
        await ModelClients.Chat(standIn, ModelApiForm.AzureV1).CompleteChatAsync([new UserChatMessage("Oil change tomorrow?")], cancellationToken: None);

        var progress = standIn.Progress;

        Assert.False(progress.Finished);
        Assert.Empty(progress.Problems);
        Assert.Equal((1, 3), (progress.StepsAnswered, progress.StepCount));
        Assert.Equal(["turn 1 (caller ~ /(?i)oil/) step 2: say \"It's free.\"", "turn 2 (caller ~ /(?i)^yes/) step 1: say \"Booked.\""], progress.Unconsumed);
        Assert.Contains("2 step(s) unconsumed", standIn.Describe(), StringComparison.Ordinal);
        Assert.Contains("#1 AzureV1 [user: Oil change tomorrow?] → 200 (turn 1", standIn.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Play_AnotherScript_StartsOverWithoutTheOldRequests()
    {
        await using var standIn = await ModelStandIn.StartAsync(ModelScript.Turn().Says("Hi.").Build(), None);
        var chat = ModelClients.Chat(standIn, ModelApiForm.OpenAi);
        await chat.CompleteChatAsync([new UserChatMessage("Hello")], cancellationToken: None);

        standIn.Play(ModelScript.For("second-call").Turn("(?i)hours").Says("Eight to five.").Build());
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("Your hours?")], cancellationToken: None);

        Assert.Equal("Eight to five.", completion.Content[0].Text);
        Assert.Equal("Your hours?", Assert.Single(standIn.Requests).LastUserText);
        Assert.Equal("second-call", standIn.Progress.Script);
        Assert.True(standIn.Progress.Passed, standIn.Describe());
    }

    /// <summary>Sends <paramref name="history"/>, expects the script's 400, and returns its message.</summary>
    private static async Task<string> Refused(ModelStandIn standIn, IEnumerable<ChatMessage> history)
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => ModelClients.Chat(standIn, ModelApiForm.OpenAi).CompleteChatAsync(history, cancellationToken: None));
        Assert.Equal(400, error.Status);
        var body = error.GetRawResponse()!.Content.ToString();
        Assert.Contains("\"type\":\"invalid_request_error\"", body, StringComparison.Ordinal);
        return body;
    }
}
