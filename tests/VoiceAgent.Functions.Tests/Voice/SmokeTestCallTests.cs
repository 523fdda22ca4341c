using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.WebPubSubStandIn;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// A deployment check's call (tools/smoke) from the reserved test caller <see cref="SmokeTestCaller"/>: greeted as any new
/// caller is, and nothing kept — after its greeting, a turn and its status callback, every table of the app (its own and
/// its task hub's) holds exactly the rows it held before, none carries the caller or the call, and staff watching live
/// got no event of it; a real call right after is recorded and reported, so the scan and the watch would have seen it.
/// </summary>
public sealed class SmokeTestCallTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string NewCaller = "+15555550177";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SmokeCall_GreetingTurnAndEnd_LeavesNoRowAndNoLiveEvent()
    {
        await using var service = await PubSubStandIn.StartAsync(new PubSubStandInOptions(), CancellationToken.None);
        await using var app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString, settings: new Dictionary<string, string> { ["WebPubSub:ConnectionString"] = service.ConnectionString });
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var smokeSid = TwilioWebhookClient.NewCallSid();
        var smoke = TwilioWebhookClient.CallFields(smokeSid, from: SmokeTestCaller.Number);
        var before = await RowsAsync(app);
        using var calls = new MetricProbe(app.Services, VoiceAgentTelemetry.CallsMetric);

        using var greeting = await twilio.PostAsync("/api/voice/incoming", smoke);
        using var turn = await twilio.PostAsync("/api/voice/turn", new Dictionary<string, string>(smoke) { ["SpeechResult"] = "I'd like an oil change tomorrow at 9" });
        using var end = await twilio.PostAsync("/api/voice/status", new Dictionary<string, string>(smoke) { ["CallStatus"] = "completed", ["CallDuration"] = "4" });

        // Answered as a new caller is: the shop's greeting in a <Gather> for speech; the turn ends the test call.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (greeting.StatusCode, turn.StatusCode, end.StatusCode));
        var greeted = Twiml.Parse(await greeting.Content.ReadAsStringAsync());
        Assert.Contains("speech", (string?)greeted.Element("Gather")?.Attribute("input"), StringComparison.Ordinal);
        Assert.Contains("Thanks for calling Northside Auto Care.", greeted.Element("Gather")!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.NotNull(Twiml.Parse(await turn.Content.ReadAsStringAsync()).Element("Hangup"));
        // Its end is counted, as a smoke test: the workbook's calls by outcome show the checks apart from real calls.
        Assert.Equal(SmokeTestCaller.Outcome, Assert.Single(calls.Measurements)["outcome"]);

        // A real call right after is recorded and published: what the smoke call would have left, had it left anything.
        var realSid = await twilio.PlayCallAsync(["what are your hours", "no thanks"], from: NewCaller);
        var sends = await Poll.UntilAsync(
            _ => Task.FromResult(service.Sends.ToList()),
            s => s.Any(send => send.Body.Contains(realSid, StringComparison.Ordinal) && send.Body.Contains("\"callEnded\"", StringComparison.Ordinal)),
            Within,
            s => string.Join(Environment.NewLine, s),
            CancellationToken.None);
        var after = await RowsAsync(app);
        Assert.Contains(after, row => row.Key.Contains(realSid, StringComparison.Ordinal));

        // Live events leave in order, so the smoke call's would be here by now.
        Assert.DoesNotContain(sends, send => (string?)JsonNode.Parse(send.Body)!["callSid"] == smokeSid);
        var left = after.Where(row => !before.ContainsKey(row.Key) && !row.Key.Contains(realSid, StringComparison.Ordinal) && !row.Value.Contains("5555550177", StringComparison.Ordinal)).Select(row => row.Key).ToList();
        Assert.Empty(left);
        Assert.DoesNotContain(after, row => row.Key.Contains(smokeSid, StringComparison.Ordinal) || row.Value.Contains(smokeSid, StringComparison.Ordinal) || row.Value.Contains("5555550190", StringComparison.Ordinal));
        // Every row there before is unchanged (but the task hub's partition leases, which its workers renew all the time).
        Assert.All(before.Where(row => !row.Key.Split('/')[0].EndsWith("hubPartitions", StringComparison.Ordinal)), row => Assert.Equal(row.Value, after[row.Key]));
    }

    [Fact]
    public async Task SmokeCall_ToARelayShopWithAHealthyHost_IsGreetedOverGatherWithoutAskingTheHost()
    {
        await using var host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Healthy);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl);
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);

        var twiml = await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid(), from: SmokeTestCaller.Number)));

        // No session exists for a relay socket to name, so the check hears the greeting as a Gather caller does.
        Assert.Single(twiml.Elements("Gather"));
        Assert.StartsWith("Thanks for calling Northside Auto Care.", Twiml.Spoken(twiml), StringComparison.Ordinal);
        Assert.Empty(twiml.Descendants("Connect"));
        Assert.Equal(0, host.Checks);
    }

    /// <summary>Every row of every table of this app (its own and its task hub's share the prefix): "table/partition/row" → its properties as text.</summary>
    private async Task<Dictionary<string, string>> RowsAsync(FunctionsApp app)
    {
        var service = new TableServiceClient(azurite.Server.ConnectionString);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(app.TablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows[$"{table.Name}/{row.PartitionKey}/{row.RowKey}"] = string.Join(
                    '|',
                    row.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
            }
        }

        return rows;
    }
}
