using System.Net.Http.Json;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// With the model configured, a finished call's summary and the caller's sentiment are the model's (one request after
/// the call, against the scripted stand-in over the real client); when the model's answer is unusable, the dialog's own
/// summary stands and nothing of the record is lost.
/// </summary>
public sealed class ModelCallSummaryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CallEnds_TheModelWritesTheSummaryAndSentiment()
    {
        await using var model = await ModelStandIn.StartAsync(
            ModelScript.Turn("(?i)hours")
                .Says("We're open Monday to Friday 8 to 6 and Saturday 9 to 1. Anything else?")
                .Turn("(?i)^no thanks")
                .Says("Thanks for calling. Goodbye!")
                .Turn("^" + System.Text.RegularExpressions.Regex.Escape(ModelCallSummaries.Instruction))
                .Says("""{"summary": "John asked about the opening hours and was told them. Nothing was booked.", "sentiment": "positive"}""")
                .Build(),
            CancellationToken.None);
        await using var app = await StartAsync(model);

        var callSid = await new TwilioWebhookClient(app.CreateClient(), app.AuthToken).PlayCallAsync(["what are your hours", "no thanks"]);
        var call = Assert.Single((await app.CreateStaffClient(DemoTenant.Id).GetFromJsonAsync<List<CallView>>($"/api/tenants/{DemoTenant.Id}/calls"))!);

        Assert.Equal(callSid, call.CallSid);
        Assert.Equal(("John asked about the opening hours and was told them. Nothing was booked.", "positive", true), (call.Summary, call.Sentiment, call.SummaryByModel));
        Assert.Equal("nothing", call.Outcome);
        Assert.True(model.Progress.Passed, model.Describe());
    }

    [Fact]
    public async Task ModelAnswersSomethingElse_TheDialogsSummaryStands()
    {
        await using var model = await ModelStandIn.StartAsync(
            ModelScript.Turn("(?i)hours")
                .Says("We're open Monday to Friday 8 to 6 and Saturday 9 to 1. Anything else?")
                .Turn("(?i)^no thanks")
                .Says("Thanks for calling. Goodbye!")
                .Turn("^" + System.Text.RegularExpressions.Regex.Escape(ModelCallSummaries.Instruction))
                .Says("Sure! The caller asked about hours.")
                .Build(),
            CancellationToken.None);
        await using var app = await StartAsync(model);

        await new TwilioWebhookClient(app.CreateClient(), app.AuthToken).PlayCallAsync(["what are your hours", "no thanks"]);
        var call = Assert.Single((await app.CreateStaffClient(DemoTenant.Id).GetFromJsonAsync<List<CallView>>($"/api/tenants/{DemoTenant.Id}/calls"))!);

        Assert.StartsWith("John called", call.Summary, StringComparison.Ordinal);
        Assert.Equal((null, false, "completed"), (call.Sentiment, call.SummaryByModel, call.Status));
        Assert.True(model.Progress.Passed, model.Describe());
    }

    private Task<FunctionsApp> StartAsync(ModelStandIn model) => FunctionsApp.StartAsync(azurite.Server.ConnectionString, settings: new Dictionary<string, string>
    {
        ["Llm:Endpoint"] = model.BaseUrl.ToString(),
        ["Llm:ApiKey"] = model.ApiKey,
        ["Llm:Deployment"] = "gpt-4o-mini",
    });
}
