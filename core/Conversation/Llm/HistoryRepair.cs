namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// Makes a stored history valid to send again: every tool call answered right after the message that made it. A call
/// left without its result (a timeout, a crash between the call and the save) gets a result saying it did not finish;
/// a result with no call before it is dropped. A model endpoint refuses a history broken either way.
/// </summary>
public static class HistoryRepair
{
    /// <summary>The result given to a tool call that never finished: nothing is known to have happened.</summary>
    public const string InterruptedResult = """{"status":"interrupted","note":"This call did not finish, so nothing is known to have changed. Check again before telling the caller it is done."}""";

    /// <summary>The history repaired, and how many entries were added or dropped (0 when it was already whole).</summary>
    public static (List<HistoryEntry> History, int Repairs) Repair(IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var repaired = new List<HistoryEntry>(history.Count);
        var repairs = 0;
        var i = 0;
        while (i < history.Count)
        {
            var entry = history[i++];
            if (entry.Role == HistoryEntry.Tool)
            {
                repairs++; // a result whose call is not right before it
                continue;
            }

            repaired.Add(entry);
            if (entry.Role != HistoryEntry.Assistant || entry.Calls.Count == 0)
            {
                continue;
            }

            var answered = new HashSet<string>(StringComparer.Ordinal);
            for (; i < history.Count && history[i].Role == HistoryEntry.Tool; i++)
            {
                var result = history[i];
                if (result.CallId is { } id && entry.Calls.Any(c => c.Id == id) && answered.Add(id))
                {
                    repaired.Add(result);
                }
                else
                {
                    repairs++;
                }
            }

            foreach (var call in entry.Calls.Where(c => !answered.Contains(c.Id)))
            {
                repaired.Add(new HistoryEntry { Role = HistoryEntry.Tool, CallId = call.Id, Result = InterruptedResult });
                repairs++;
            }
        }

        return (repaired, repairs);
    }
}
