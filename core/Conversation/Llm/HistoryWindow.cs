namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The part of the history that fits the model's token budget: whole exchanges (a caller's words and everything the
/// agent did about them), newest kept, oldest dropped first. An exchange is never cut, so a tool call never loses its
/// result; the newest exchange is kept even alone over budget, since the model cannot answer without it.
/// </summary>
public static class HistoryWindow
{
    public static List<HistoryEntry> Fit(IReadOnlyList<HistoryEntry> history, int budget, TokenCounter counter)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(counter);
        var starts = new List<int>();
        for (var i = 0; i < history.Count; i++)
        {
            if (i == 0 || history[i].Role == HistoryEntry.User)
            {
                starts.Add(i);
            }
        }

        var kept = history.Count;
        var used = 0;
        for (var b = starts.Count - 1; b >= 0; b--)
        {
            var cost = 0;
            for (var i = starts[b]; i < kept; i++)
            {
                cost += counter.Count(history[i]);
            }

            if (used + cost > budget && kept < history.Count)
            {
                break;
            }

            used += cost;
            kept = starts[b];
        }

        return [.. history.Skip(kept)];
    }
}
