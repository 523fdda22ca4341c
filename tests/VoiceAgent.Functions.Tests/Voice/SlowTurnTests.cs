using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>A turn slower than the filler threshold: the caller hears a filler, then the finished turn; nothing runs twice.</summary>
public sealed class SlowTurnTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Turn_SlowerThanTheFillerThreshold_FillerThenTheFinishedTurnOnContinue()
    {
        await using var app = SlowApp(TimeSpan.FromSeconds(2), FunctionsAppFactory.NewTablePrefix());
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = await StartCallAsync(twilio);

        var hold = await TurnAsync(twilio, callSid, "what are your hours");
        var finished = await FollowAsync(twilio, callSid, hold);

        Assert.Equal("One moment while I check that.", Twiml.Spoken(hold));
        Assert.StartsWith("/api/voice/continue?turn=", hold.Element("Redirect")!.Value, StringComparison.Ordinal);
        Assert.Contains("We're open Monday to Friday", Twiml.Spoken(finished), StringComparison.Ordinal);
        Assert.NotNull(finished.Element("Gather"));
        Assert.Equal(1, await new StorageProbe(azurite.ConnectionString, app).CountRowsAsync("CallTurns"));
    }

    [Fact]
    public async Task Continue_OnAnotherInstance_FindsTheTurnInTheCallSession()
    {
        var prefix = FunctionsAppFactory.NewTablePrefix();
        await using var first = SlowApp(TimeSpan.FromSeconds(1), prefix);
        await using var second = SlowApp(TimeSpan.FromSeconds(1), prefix);
        var viaFirst = new TwilioWebhookClient(first.CreateClient(), first.AuthToken);
        var viaSecond = new TwilioWebhookClient(second.CreateClient(), second.AuthToken);
        var callSid = await StartCallAsync(viaFirst);

        var hold = await TurnAsync(viaFirst, callSid, "where are you located");
        var finished = await FollowAsync(viaSecond, callSid, hold);

        Assert.Contains("1200 North Ave", Twiml.Spoken(finished), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_TurnNeverFinishes_ApologyAndTransferAfterTheLastFiller()
    {
        await using var app = SlowApp(TimeSpan.FromSeconds(30), FunctionsAppFactory.NewTablePrefix(), new Dictionary<string, string>
        {
            ["Voice:ContinuationWaitSeconds"] = "1",
            ["Voice:MaxContinuations"] = "2",
        });
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = await StartCallAsync(twilio);

        var hold = await TurnAsync(twilio, callSid, "what are your hours");
        var secondHold = await FollowAsync(twilio, callSid, hold);
        var last = await FollowAsync(twilio, callSid, secondHold);

        Assert.Equal("Thanks for holding, I'm still checking.", Twiml.Spoken(secondHold));
        Assert.Contains("sorry", Twiml.Spoken(last), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("+15555550199", Twiml.DialedNumber(last));
    }

    private FunctionsAppFactory SlowApp(TimeSpan delay, string prefix, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(extra ?? []) { ["Voice:FillerAfterSeconds"] = "0.5" };
        return new FunctionsAppFactory(azurite.ConnectionString, prefix, settings, services =>
            services.Replace(ServiceDescriptor.Singleton<IConversationEngine>(sp => new SlowEngine(ActivatorUtilities.CreateInstance<OfflineDialogEngine>(sp), delay))));
    }

    private static async Task<string> StartCallAsync(TwilioWebhookClient twilio)
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        return callSid;
    }

    private static async Task<XElement> TurnAsync(TwilioWebhookClient twilio, string callSid, string speech)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
        return await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/turn", fields));
    }

    /// <summary>Follows the <c>&lt;Redirect&gt;</c> as Twilio does: a signed POST of the call's fields to that URL.</summary>
    private static async Task<XElement> FollowAsync(TwilioWebhookClient twilio, string callSid, XElement hold) =>
        await Twiml.ReadAsync(await twilio.PostAsync(hold.Element("Redirect")!.Value, TwilioWebhookClient.CallFields(callSid)));

    /// <summary>The real engine, slowed down (as a slow model or calendar would be).</summary>
    private sealed class SlowEngine(IConversationEngine inner, TimeSpan delay) : IConversationEngine
    {
        public AgentReply Greet(ConversationContext context, DialogState state) => inner.Greet(context, state);

        public async Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return await inner.RespondAsync(context, state, input, cancellationToken);
        }
    }
}
