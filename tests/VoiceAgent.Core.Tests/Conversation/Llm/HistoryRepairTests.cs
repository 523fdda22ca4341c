using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>A stored history is made valid to send again: every call answered right after the message that made it.</summary>
public sealed class HistoryRepairTests
{
    [Fact]
    public void Repair_WholeHistory_IsUnchangedWithNoRepairs()
    {
        var history = new List<HistoryEntry>
        {
            HistoryEntry.FromAgent("Thanks for calling."),
            HistoryEntry.FromCaller("oil change tomorrow at 9"),
            Calls("c1", "c2"),
            Result("c1"),
            Result("c2"),
            HistoryEntry.FromAgent("Shall I book it?"),
            HistoryEntry.FromCaller("yes"),
            Calls("c3"),
            Result("c3"),
            HistoryEntry.FromAgent("You're booked."),
        };

        var (repaired, repairs) = HistoryRepair.Repair(history);

        Assert.Equal(0, repairs);
        Assert.Equal(history, repaired);
    }

    [Fact]
    public void Repair_DanglingCall_GetsTheInterruptedResultRightAfterItsMessage()
    {
        var call = Calls("c1");
        var history = new List<HistoryEntry> { HistoryEntry.FromCaller("book it"), call, HistoryEntry.FromCaller("hello?") };

        var (repaired, repairs) = HistoryRepair.Repair(history);

        Assert.Equal(1, repairs);
        Assert.Equal(4, repaired.Count);
        Assert.Same(call, repaired[1]);
        Assert.Equal((HistoryEntry.Tool, "c1", HistoryRepair.InterruptedResult), (repaired[2].Role, repaired[2].CallId, repaired[2].Result));
        Assert.Equal("hello?", repaired[3].Text);
    }

    [Fact]
    public void Repair_DanglingCallAtTheEnd_IsAnswered()
    {
        var (repaired, repairs) = HistoryRepair.Repair([HistoryEntry.FromCaller("book it"), Calls("c1")]);

        Assert.Equal(1, repairs);
        Assert.Equal(("c1", HistoryRepair.InterruptedResult), (repaired[^1].CallId, repaired[^1].Result));
    }

    [Fact]
    public void Repair_OrphanResult_IsDropped()
    {
        var history = new List<HistoryEntry> { HistoryEntry.FromCaller("hi"), Result("ghost"), HistoryEntry.FromAgent("Hello.") };

        var (repaired, repairs) = HistoryRepair.Repair(history);

        Assert.Equal(1, repairs);
        Assert.Equal([history[0], history[2]], repaired);
    }

    [Fact]
    public void Repair_ResultToAnotherMessagesCall_IsDroppedAndTheCallAnswered()
    {
        var history = new List<HistoryEntry>
        {
            HistoryEntry.FromCaller("hi"),
            Calls("c1"),
            HistoryEntry.FromAgent("One moment."),
            Result("c1"),
        };

        var (repaired, repairs) = HistoryRepair.Repair(history);

        Assert.Equal(2, repairs);
        Assert.Equal([HistoryEntry.User, HistoryEntry.Assistant, HistoryEntry.Tool, HistoryEntry.Assistant], repaired.Select(e => e.Role));
        Assert.Equal(HistoryRepair.InterruptedResult, repaired[2].Result);
    }

    [Fact]
    public void Repair_SeveralCallsPartlyAnswered_KeepsTheAnswersAndFillsTheRest()
    {
        var history = new List<HistoryEntry> { HistoryEntry.FromCaller("hi"), Calls("a", "b", "c"), Result("b"), Result("b"), HistoryEntry.FromAgent("Done.") };

        var (repaired, repairs) = HistoryRepair.Repair(history);

        Assert.Equal(3, repairs); // the duplicate dropped, "a" and "c" answered
        var results = repaired.Skip(2).TakeWhile(e => e.Role == HistoryEntry.Tool).ToList();
        Assert.Equal(["a", "b", "c"], results.Select(r => r.CallId).Order(StringComparer.Ordinal));
        Assert.Equal("{\"ok\":\"b\"}", results.Single(r => r.CallId == "b").Result);
        Assert.All(results.Where(r => r.CallId != "b"), r => Assert.Equal(HistoryRepair.InterruptedResult, r.Result));
        Assert.Equal("Done.", repaired[^1].Text);
    }

    [Fact]
    public void Repair_Twice_SecondPassHasNothingToRepair()
    {
        var history = new List<HistoryEntry> { Result("x"), HistoryEntry.FromCaller("hi"), Calls("a", "b"), Result("a"), HistoryEntry.FromCaller("and?"), Calls("c") };

        var (once, _) = HistoryRepair.Repair(history);
        var (twice, repairs) = HistoryRepair.Repair(once);

        Assert.Equal(0, repairs);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void InterruptedResult_IsAJsonObjectSayingNothingIsKnownToHaveChanged()
    {
        using var json = System.Text.Json.JsonDocument.Parse(HistoryRepair.InterruptedResult);

        Assert.Equal("interrupted", json.RootElement.GetProperty("status").GetString());
    }

    private static HistoryEntry Calls(params string[] ids) =>
        new() { Role = HistoryEntry.Assistant, Calls = [.. ids.Select(id => new ToolCallEntry(id, "check_availability", "{}"))] };

    private static HistoryEntry Result(string id) =>
        new() { Role = HistoryEntry.Tool, CallId = id, Result = $"{{\"ok\":\"{id}\"}}" };
}
