using System.Web;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Voice;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// The language model slower than the filler threshold at the moment the caller says yes: the caller hears the filler,
/// Twilio follows the <c>&lt;Redirect&gt;</c> (here to another instance of the app), and hears the finished answer. The
/// booking is made exactly once and the model asked exactly as scripted (nothing asked twice).
/// </summary>
public sealed class SlowModelTurnTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Filler = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task SlowModelOnTheYes_FillerRedirectThenTheAnswerOnAnotherInstance_BookedOnce()
    {
        var booking = new { service = "oil change", start = "2026-12-02T09:00" };
        await using var model = await ModelStandIn.StartAsync(
            ModelScript.Turn("(?i)oil change")
                .Calls("book_appointment", booking).Then()
                .ExpectsToolResult("book_appointment", "read_back").Says("That's an oil change tomorrow at 9 AM. Shall I book it?")
                .Turn("(?i)^yes")
                // The late first token is real time: far past the filler even on a loaded machine.
                .Calls("book_appointment", booking).FirstTokenAfter(TimeSpan.FromSeconds(8)).Then()
                .ExpectsToolResult("book_appointment", "booked").Says("You're all set for tomorrow at 9 AM. Anything else?")
                .Build(),
            CancellationToken.None);
        var settings = new Dictionary<string, string>
        {
            ["Voice:FillerAfterSeconds"] = Filler.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Llm:Endpoint"] = model.BaseUrl.ToString(),
            ["Llm:ApiKey"] = model.ApiKey,
            ["Llm:Deployment"] = "gpt-4o-mini",
            ["Llm:ModelDeadlineSeconds"] = "20",
            ["Voice:TurnDeadlineSeconds"] = "30",
        };
        var prefix = FunctionsApp.NewTablePrefix();
        await using var first = await FunctionsApp.StartAsync(azurite.ConnectionString, prefix, settings);
        await using var second = await FunctionsApp.StartAsync(azurite.ConnectionString, prefix, settings);
        var viaFirst = new TwilioWebhookClient(first.CreateClient(), first.AuthToken);
        var viaSecond = new TwilioWebhookClient(second.CreateClient(), second.AuthToken);
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await viaFirst.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        var readBackTwiml = await TurnAsync(viaFirst, callSid, "can I get an oil change tomorrow at 9");
        // The read-back turn started a filler wait too (it never fired): claim it, so the wait below is the yes turn's.
        await first.WebhookTime.WaitStartedAsync(Filler);

        var yes = TurnAsync(viaFirst, callSid, "yes");
        await first.WebhookTime.WaitStartedAsync(Filler);
        first.WebhookTime.Advance(Filler);
        var hold = await yes;
        await first.Services.GetRequiredService<RunningTurns>().Find(TurnToken(hold))!;
        var finished = await Twiml.ReadAsync(await viaSecond.PostAsync(hold.Element("Redirect")!.Value, TwilioWebhookClient.CallFields(callSid)));

        Assert.Contains("Shall I book it?", Twiml.Spoken(readBackTwiml), StringComparison.Ordinal);
        Assert.Equal("One moment while I check that.", Twiml.Spoken(hold));
        Assert.Contains("You're all set", Twiml.Spoken(finished), StringComparison.Ordinal);
        Assert.NotNull(finished.Element("Gather"));
        var book = await first.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6)), Assert.Single(book).Start);
        Assert.True(model.Progress.Passed, model.Describe());
    }

    private static async Task<XElement> TurnAsync(TwilioWebhookClient twilio, string callSid, string speech)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
        return await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/turn", fields));
    }

    private static string TurnToken(XElement hold) =>
        HttpUtility.ParseQueryString(new Uri(new Uri(FunctionsApp.PublicBaseUrl), hold.Element("Redirect")!.Value).Query)["turn"]!;
}
