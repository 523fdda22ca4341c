using System.Web;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Voice;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// A turn slower than the filler threshold: the caller hears a filler, then the finished turn; nothing runs twice.
/// The webhooks and the slow engine wait on the app's fake <see cref="WebhookClock"/>, which the test moves only once
/// the waits it means have started: no sleeps, and no dependence on the machine's speed.
/// </summary>
public sealed class SlowTurnTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Filler = TimeSpan.FromSeconds(0.5);

    /// <summary><c>Voice:ContinuationWaitSeconds</c> unless a test sets it.</summary>
    private static readonly TimeSpan DefaultContinuationWait = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Turn_SlowerThanTheFillerThreshold_FillerThenTheFinishedTurnOnContinue()
    {
        var work = TimeSpan.FromSeconds(2);
        await using var app = await SlowAppAsync(work, FunctionsApp.NewTablePrefix());
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = await StartCallAsync(twilio);

        var turn = TurnAsync(twilio, callSid, "what are your hours");
        await app.WebhookTime.WaitStartedAsync(Filler);
        await app.WebhookTime.WaitStartedAsync(work);
        app.WebhookTime.Advance(Filler);
        var hold = await turn;
        var resumed = FollowAsync(twilio, callSid, hold);
        await app.WebhookTime.WaitStartedAsync(DefaultContinuationWait);
        app.WebhookTime.Advance(work - Filler);
        var finished = await resumed;

        Assert.Equal("One moment while I check that.", Twiml.Spoken(hold));
        Assert.StartsWith("/api/voice/continue?turn=", hold.Element("Redirect")!.Value, StringComparison.Ordinal);
        Assert.Contains("We're open Monday to Friday", Twiml.Spoken(finished), StringComparison.Ordinal);
        Assert.NotNull(finished.Element("Gather"));
        Assert.Equal(1, await new StorageProbe(azurite.ConnectionString, app).CountRowsAsync("CallTurns"));
    }

    [Fact]
    public async Task Continue_OnAnotherInstance_FindsTheTurnInTheCallSession()
    {
        var work = TimeSpan.FromSeconds(1);
        var prefix = FunctionsApp.NewTablePrefix();
        await using var first = await SlowAppAsync(work, prefix);
        await using var second = await SlowAppAsync(work, prefix);
        var viaFirst = new TwilioWebhookClient(first.CreateClient(), first.AuthToken);
        var viaSecond = new TwilioWebhookClient(second.CreateClient(), second.AuthToken);
        var callSid = await StartCallAsync(viaFirst);

        var turn = TurnAsync(viaFirst, callSid, "where are you located");
        await first.WebhookTime.WaitStartedAsync(Filler);
        await first.WebhookTime.WaitStartedAsync(work);
        first.WebhookTime.Advance(Filler);
        var hold = await turn;
        // The turn finishes on the first instance (its work is done, its answer saved with the call session)...
        first.WebhookTime.Advance(work - Filler);
        await first.Services.GetRequiredService<RunningTurns>().Find(TurnToken(hold))!;
        // ...and Twilio's redirect lands on the second, which never ran it.
        var finished = await FollowAsync(viaSecond, callSid, hold);

        Assert.Contains("1200 North Ave", Twiml.Spoken(finished), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_TurnNeverFinishes_ApologyAndTransferAfterTheLastFiller()
    {
        var wait = TimeSpan.FromSeconds(1);
        await using var app = await SlowAppAsync(TimeSpan.FromSeconds(30), FunctionsApp.NewTablePrefix(), new Dictionary<string, string>
        {
            ["Voice:ContinuationWaitSeconds"] = "1",
            ["Voice:MaxContinuations"] = "2",
        });
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = await StartCallAsync(twilio);

        var turn = TurnAsync(twilio, callSid, "what are your hours");
        await app.WebhookTime.WaitStartedAsync(Filler);
        app.WebhookTime.Advance(Filler);
        var hold = await turn;
        var secondHold = await FollowAfterWaitAsync(app, twilio, callSid, hold, wait);
        var last = await FollowAfterWaitAsync(app, twilio, callSid, secondHold, wait);

        Assert.Equal("Thanks for holding, I'm still checking.", Twiml.Spoken(secondHold));
        Assert.Contains("sorry", Twiml.Spoken(last), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("+15555550199", Twiml.DialedNumber(last));
    }

    /// <summary>The app with its real engine slowed by <paramref name="work"/> on the app's webhook clock, and a 0.5 s filler threshold.</summary>
    private Task<FunctionsApp> SlowAppAsync(TimeSpan work, string prefix, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(extra ?? []) { ["Voice:FillerAfterSeconds"] = Filler.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return FunctionsApp.StartAsync(azurite.ConnectionString, prefix, settings, services =>
            services.Replace(ServiceDescriptor.Singleton<IConversationEngine>(sp =>
                new SlowEngine(ActivatorUtilities.CreateInstance<OfflineDialogEngine>(sp), work, sp.GetRequiredService<WebhookClock>().Time))));
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

    /// <summary>Follows the redirect and lets the continuation's whole wait go by without the turn finishing.</summary>
    private static async Task<XElement> FollowAfterWaitAsync(FunctionsApp app, TwilioWebhookClient twilio, string callSid, XElement hold, TimeSpan wait)
    {
        var answer = FollowAsync(twilio, callSid, hold);
        await app.WebhookTime.WaitStartedAsync(wait);
        app.WebhookTime.Advance(wait);
        return await answer;
    }

    private static string TurnToken(XElement hold) =>
        HttpUtility.ParseQueryString(new Uri(new Uri(FunctionsApp.PublicBaseUrl), hold.Element("Redirect")!.Value).Query)["turn"]!;

    /// <summary>The real engine, slowed down (as a slow model or calendar would be), on the clock the webhooks wait on.</summary>
    private sealed class SlowEngine(IConversationEngine inner, TimeSpan work, TimeProvider time) : IConversationEngine
    {
        public AgentReply Greet(ConversationContext context, DialogState state) => inner.Greet(context, state);

        public AgentReply GreetForReminder(ConversationContext context, DialogState state, VoiceAgent.Core.Appointments.Appointment appointment) => inner.GreetForReminder(context, state, appointment);

        public async Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
        {
            await Task.Delay(work, time, cancellationToken);
            return await inner.RespondAsync(context, state, input, cancellationToken);
        }
    }
}
