using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Core.Tests.Conversation.LlmEngine;

/// <summary>
/// The model failing in each way it can (429s, 500s, a hang, a failure right after a tool): the caller hears one
/// apology, the offline engine carries on from the call state the tools kept, and the call can still book. Outcomes
/// are read back from storage.
/// </summary>
public sealed class ModelFallbackTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset NineTomorrow = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6));

    public static TheoryData<string> Faults => ["429", "500", "hang"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FailingModel_OfflineEngineTakesOver_AndTheCallStillBooks(string fault)
    {
        var script = ModelScript.Turn().FailsEveryRequest(fault switch
        {
            "429" => ScriptFault.RateLimited(TimeSpan.FromSeconds(20)),
            "500" => ScriptFault.ServerError,
            _ => ScriptFault.Hang,
        }).Build();
        await using var call = await ModelCall.StartAsync(azurite, script, ModelCall.John, o => o.ModelDeadlineSeconds = 1);
        using var turnDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var first = await call.Engine.RespondAsync(call.Context, call.State, new CallerInput("I need an oil change tomorrow at 9 am"), turnDeadline.Token);
        var second = await call.SayAsync("yes");

        Assert.StartsWith(ModelConversationEngine.Apology, first.Speech, StringComparison.Ordinal);
        Assert.Contains("9 AM", first.Speech, StringComparison.Ordinal);
        Assert.Equal(1, first.Speech.Split(ModelConversationEngine.Apology).Length - 1);
        Assert.DoesNotContain(ModelConversationEngine.Apology, second.Speech, StringComparison.Ordinal);
        Assert.True((await BookedAsync(call)).Count == 1, $"one booking after \"{first.Speech}\" / yes / \"{second.Speech}\"");
        Assert.Equal(NineTomorrow, Assert.Single(await BookedAsync(call)).Start);
        Assert.True(call.State.Model!.FellBack);
        Assert.True(call.Model.Requests.Count <= 1, call.Model.Describe()); // the call stayed off the model after its first failure
    }

    [Fact]
    public async Task BreakerTripsRightAfterTheModelCheckedASlot_OfflineEngineOffersThatSameSlot()
    {
        // The caller asked loosely; the model chose 10:30 and found it free, then failed before it could say so.
        var script = ModelScript.Turn("(?i)oil change")
            .Calls("check_availability", new { service = "oil change", date = "2026-12-02", time = "10:30" })
            .Then().Fails(ScriptFault.ServerError)
            .Build();
        await using var call = await ModelCall.StartAsync(azurite, script, ModelCall.John, o => o.Breaker.MinimumThroughput = 1);

        var offer = await call.SayAsync("could I get an oil change tomorrow sometime in the morning");
        var done = await call.SayAsync("yes please");

        Assert.Equal(ModelBreakerState.Open, call.Breaker.State);
        Assert.StartsWith(ModelConversationEngine.Apology, offer.Speech, StringComparison.Ordinal);
        Assert.Contains("10:30 AM", offer.Speech, StringComparison.Ordinal);
        Assert.Contains("oil change", done.Speech, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NineTomorrow.AddMinutes(90), Assert.Single(await BookedAsync(call)).Start);
        Assert.True(call.Model.Progress.Passed, call.Model.Describe());
    }

    [Fact]
    public async Task ModelFailsAfterTheWrite_TheCallerHearsWhatWasDone_AndNothingIsWrittenTwice()
    {
        var script = ModelScript.Turn("(?i)oil change")
            .Calls("book_appointment", new { service = "oil change", start = "2026-12-02T09:00" })
            .Then().Says("That's an oil change tomorrow at 9 AM. Shall I book it?")
            .Turn("(?i)^yes")
            .Calls("book_appointment", new { service = "oil change", start = "2026-12-02T09:00" })
            .Then().Fails(ScriptFault.ServerError)
            .Build();
        await using var call = await ModelCall.StartAsync(azurite, script, ModelCall.John);

        await call.SayAsync("an oil change tomorrow at 9 please");
        var done = await call.SayAsync("yes");
        var after = await call.SayAsync("yes");

        Assert.Contains("You're all set", done.Speech, StringComparison.Ordinal);
        Assert.Single(await BookedAsync(call));
        Assert.DoesNotContain("all set", after.Speech, StringComparison.Ordinal);
        Assert.True(call.Model.Progress.Passed, call.Model.Describe());
    }

    [Fact]
    public async Task OpenBreaker_SendsNewCallsOffline_UntilItCloses_ThenNewCallsUseTheModelAgain()
    {
        var script = ModelScript.Turn().Fails(ScriptFault.ServerError, times: 2)
            .Turn("(?i)hours").Says("We're open weekdays from 8 to 6.")
            .Build();
        await using var call = await ModelCall.StartAsync(azurite, script, ModelCall.John, o =>
        {
            o.Breaker.MinimumThroughput = 2;
            o.Breaker.BreakSeconds = 30;
        });

        await call.SayAsync("what are your hours");
        call.NewCall(TimeSpan.FromSeconds(1));
        await call.SayAsync("what are your hours");
        var opened = call.Breaker.State;
        call.NewCall(TimeSpan.FromSeconds(1));
        var whileOpen = await call.SayAsync("what are your hours");
        var requestsWhileOpen = call.Model.Requests.Count;
        call.NewCall(TimeSpan.FromSeconds(31));
        var afterwards = await call.SayAsync("what are your hours please");

        Assert.Equal(ModelBreakerState.Open, opened);
        Assert.StartsWith(ModelConversationEngine.Apology, whileOpen.Speech, StringComparison.Ordinal);
        Assert.Equal(2, requestsWhileOpen);
        Assert.Equal("We're open weekdays from 8 to 6.", afterwards.Speech);
        Assert.Equal(ModelBreakerState.Closed, call.Breaker.State);
        Assert.True(call.Model.Progress.Passed, call.Model.Describe());
    }

    private static async Task<IReadOnlyList<Appointment>> BookedAsync(ModelCall call) =>
        [.. (await call.Shop.Appointments.ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 10), ModelCall.John.Id, CancellationToken.None))
            .Where(a => a.Status == AppointmentStatus.Booked)];
}
