using System.Text;
using Azure.Data.Tables;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The model's history, saved in the call session: a long one spans several table properties and reads back whole.</summary>
public sealed class ModelHistoryStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private VoiceAgentTables _tables = null!;
    private CallSessionStore _store = null!;

    public async Task InitializeAsync()
    {
        _tables = await azurite.NewTablesAsync();
        _store = new CallSessionStore(_tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TrySave_HistoryOf200KB_ReadsBackIdentical()
    {
        var session = await _store.CreateOrGetAsync(NewSession(), CancellationToken.None);
        var history = LongHistory(200 * 1024);

        Assert.True(await _store.TrySaveAsync(session with { Dialog = WithHistory(history) }, CancellationToken.None));
        var read = await _store.FindAsync(session.TenantId, session.CallSid, CancellationToken.None);

        AssertSameHistory(history, read!.Dialog.Model!.History);
        Assert.True(await PropertyCountAsync(session) > 1, "a 200 KB history spans several properties");
    }

    [Fact]
    public async Task TrySave_ShortHistoryOverALongOne_ReadsBackTheShortOne()
    {
        var session = await _store.CreateOrGetAsync(NewSession(), CancellationToken.None);
        Assert.True(await _store.TrySaveAsync(session with { Dialog = WithHistory(LongHistory(200 * 1024)) }, CancellationToken.None));
        var longOne = await _store.FindAsync(session.TenantId, session.CallSid, CancellationToken.None);
        List<HistoryEntry> shortHistory = [HistoryEntry.FromAgent("Thanks for calling."), HistoryEntry.FromCaller("bye")];

        Assert.True(await _store.TrySaveAsync(longOne! with { Dialog = WithHistory(shortHistory) }, CancellationToken.None));
        var read = await _store.FindAsync(session.TenantId, session.CallSid, CancellationToken.None);

        AssertSameHistory(shortHistory, read!.Dialog.Model!.History);
        Assert.Equal(1, await PropertyCountAsync(session));
    }

    [Fact]
    public async Task CreateOrGet_LongHistory_ReadsBackIdentical()
    {
        var history = LongHistory(120 * 1024);

        var created = await _store.CreateOrGetAsync(NewSession() with { Dialog = WithHistory(history) }, CancellationToken.None);
        var read = await _store.FindAsync(created.TenantId, created.CallSid, CancellationToken.None);

        AssertSameHistory(history, read!.Dialog.Model!.History);
    }

    [Fact]
    public async Task RecordEnd_AfterALongHistory_KeepsTheHistory()
    {
        var session = await _store.CreateOrGetAsync(NewSession(), CancellationToken.None);
        var history = LongHistory(100 * 1024);
        Assert.True(await _store.TrySaveAsync(session with { Dialog = WithHistory(history) }, CancellationToken.None));

        await _store.RecordEndAsync(session.TenantId, session.CallSid, CallStatuses.Completed, 42, DateTimeOffset.UtcNow, CancellationToken.None);
        var read = await _store.FindAsync(session.TenantId, session.CallSid, CancellationToken.None);

        AssertSameHistory(history, read!.Dialog.Model!.History);
        Assert.Equal(CallStatuses.Completed, read.Status);
    }

    private static CallSession NewSession() => new()
    {
        TenantId = DemoTenant.Id,
        CallSid = "CA" + Guid.NewGuid().ToString("N"),
        CallerNumber = "+15555550101",
        StartedAt = new DateTimeOffset(2026, 12, 1, 15, 15, 0, TimeSpan.Zero),
    };

    private static DialogState WithHistory(List<HistoryEntry> history) => new()
    {
        Service = "oil change",
        Model = new ModelConversation { Turn = history.Count / 4, History = history, Proposal = new WriteProposal("book_appointment", "oil change|2026-12-02T09:00", 3) },
    };

    /// <summary>
    /// A history of about <paramref name="characters"/> characters of text, with what JSON escapes (quotes, newlines,
    /// accents, emoji) everywhere, so the cuts between properties fall inside escapes too.
    /// </summary>
    private static List<HistoryEntry> LongHistory(int characters)
    {
        var history = new List<HistoryEntry>();
        var written = 0;
        for (var i = 0; written < characters; i++)
        {
            var text = new StringBuilder().Append("Turn ").Append(i).Append(": \"oil change\" für José 🚗 at 9 AM\nline two <tag> & \\ ")
                .Append('x', i % 97).ToString();
            var call = new ToolCallEntry($"call_{i}", "check_availability", $"{{\"service\":\"oil change\",\"date\":\"2026-12-0{(i % 9) + 1}\",\"note\":\"é{i}\"}}");
            history.Add(HistoryEntry.FromCaller(text));
            history.Add(new HistoryEntry { Role = HistoryEntry.Assistant, Calls = [call] });
            history.Add(new HistoryEntry { Role = HistoryEntry.Tool, CallId = call.Id, Result = $"{{\"status\":\"Free\",\"requested\":\"2026-12-02T09:00\",\"n\":{i}}}" });
            history.Add(HistoryEntry.FromAgent(text + " Shall I book it?"));
            written += (2 * text.Length) + call.Arguments.Length + 60;
        }

        return history;
    }

    private static void AssertSameHistory(List<HistoryEntry> expected, List<HistoryEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Role, expected[i].Text, expected[i].CallId, expected[i].Result), (actual[i].Role, actual[i].Text, actual[i].CallId, actual[i].Result));
            Assert.Equal(expected[i].Calls, actual[i].Calls);
        }
    }

    /// <summary>How many <c>Dialog…</c> properties the stored row has.</summary>
    private async Task<int> PropertyCountAsync(CallSession session)
    {
        var row = await _tables.Calls.GetEntityAsync<TableEntity>(session.TenantId, session.CallSid);
        return row.Value.Keys.Count(k => k == "Dialog" || (k.StartsWith("Dialog", StringComparison.Ordinal) && k[6..].All(char.IsAsciiDigit)));
    }
}
