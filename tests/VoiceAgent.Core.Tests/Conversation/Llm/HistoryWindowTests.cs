using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The history window keeps whole exchanges, newest first, so a tool call never loses its result.</summary>
public sealed class HistoryWindowTests
{
    private static readonly TokenCounter Counter = TokenCounter.For("gpt-4o-mini");

    [Fact]
    public void Fit_AnyBudget_NeverSeparatesAToolCallFromItsResult()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var history = RandomHistory(new Random(seed));
            var total = Cost(history);
            for (var budget = 0; budget <= total + 10; budget += 7)
            {
                var kept = HistoryWindow.Fit(history, budget, Counter);

                var because = $"seed {seed}, budget {budget}";
                Assert.True(IsSuffix(kept, history), because);
                var calls = kept.SelectMany(e => e.Calls).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                var results = kept.Where(e => e.Role == HistoryEntry.Tool).Select(e => e.CallId!).ToHashSet(StringComparer.Ordinal);
                Assert.True(calls.SetEquals(results), because);
                Assert.NotEqual(HistoryEntry.Tool, kept[0].Role);
            }
        }
    }

    [Fact]
    public void Fit_AnyBudget_KeepsTheMostWholeExchangesThatFit()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var history = RandomHistory(new Random(seed));
            var starts = Enumerable.Range(0, history.Count).Where(i => i == 0 || history[i].Role == HistoryEntry.User).ToList();
            for (var budget = 0; budget <= Cost(history) + 10; budget += 5)
            {
                var kept = HistoryWindow.Fit(history, budget, Counter);

                var from = history.Count - kept.Count;
                Assert.Contains(from, starts);
                var earlier = starts.LastOrDefault(s => s < from, -1);
                Assert.True(Cost(kept) <= budget || from == starts[^1], $"seed {seed}, budget {budget}: over budget with more than the newest exchange");
                Assert.True(earlier < 0 || Cost(history.Skip(earlier).ToList()) > budget, $"seed {seed}, budget {budget}: an older exchange would have fit");
            }
        }
    }

    [Fact]
    public void Fit_NewestExchangeOverBudget_IsKeptAlone()
    {
        var history = new List<HistoryEntry>
        {
            HistoryEntry.FromCaller("hi"),
            HistoryEntry.FromAgent("Hello."),
            HistoryEntry.FromCaller(string.Join(' ', Enumerable.Repeat("a very long question about brakes", 50))),
            CallOf("c1"),
            ResultOf("c1"),
        };

        var kept = HistoryWindow.Fit(history, budget: 10, Counter);

        Assert.Equal(history.Skip(2), kept);
    }

    [Fact]
    public void Fit_TightBudget_DropsTheOldestExchangesFirst()
    {
        var history = new List<HistoryEntry>();
        for (var i = 0; i < 6; i++)
        {
            history.Add(HistoryEntry.FromCaller($"question number {i}"));
            history.Add(HistoryEntry.FromAgent($"answer number {i}"));
        }

        var exchange = Cost(history.Take(2).ToList());
        var kept = HistoryWindow.Fit(history, budget: (3 * exchange) + 1, Counter);

        Assert.Equal(history.Skip(6), kept);
    }

    [Fact]
    public void Fit_BudgetForEverything_KeepsEverything()
    {
        var history = RandomHistory(new Random(7));

        Assert.Equal(history, HistoryWindow.Fit(history, Cost(history), Counter));
    }

    [Fact]
    public void Fit_Empty_IsEmpty() => Assert.Empty(HistoryWindow.Fit([], 100, Counter));

    private static List<HistoryEntry> RandomHistory(Random random)
    {
        var history = new List<HistoryEntry> { HistoryEntry.FromAgent("Thanks for calling Northside Auto Care. How can I help?") };
        var id = 0;
        for (var exchange = random.Next(1, 8); exchange > 0; exchange--)
        {
            history.Add(HistoryEntry.FromCaller(Words(random, random.Next(1, 30))));
            for (var round = random.Next(0, 3); round > 0; round--)
            {
                var ids = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"call_{id++}").ToList();
                history.Add(new HistoryEntry { Role = HistoryEntry.Assistant, Calls = [.. ids.Select(i => new ToolCallEntry(i, "check_availability", "{\"service\":\"oil change\"}"))] });
                history.AddRange(ids.Select(ResultOf));
            }

            history.Add(HistoryEntry.FromAgent(Words(random, random.Next(3, 40))));
        }

        return history;
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => random.GetItems<string>(["oil", "change", "tomorrow", "brakes", "Wednesday", "9", "AM", "thanks"], 1)[0]));

    private static HistoryEntry CallOf(string id) =>
        new() { Role = HistoryEntry.Assistant, Calls = [new ToolCallEntry(id, "list_my_appointments", "{}")] };

    private static HistoryEntry ResultOf(string id) =>
        new() { Role = HistoryEntry.Tool, CallId = id, Result = "{\"status\":\"Free\",\"times\":[\"2026-12-02T09:00\"]}" };

    private static int Cost(IReadOnlyList<HistoryEntry> entries) => entries.Sum(Counter.Count);

    private static bool IsSuffix(List<HistoryEntry> kept, List<HistoryEntry> history) =>
        kept.SequenceEqual(history.Skip(history.Count - kept.Count));
}
