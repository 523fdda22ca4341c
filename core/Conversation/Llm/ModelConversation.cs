namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The model's side of a call, kept in the call session next to the structured call state (<see cref="DialogState"/>),
/// which the tools keep current so the offline engine can take over from it: the history, the write awaiting the
/// caller's yes, and whether this call has left the model.
/// </summary>
public sealed class ModelConversation
{
    /// <summary>Caller turns the model has taken on this call (the greeting is turn 0).</summary>
    public int Turn { get; set; }

    public List<HistoryEntry> History { get; set; } = [];

    /// <summary>The booking, move or cancellation read back to the caller, which their next yes may allow.</summary>
    public WriteProposal? Proposal { get; set; }

    /// <summary>Set when the model failed on this call: the offline engine answers the rest of it.</summary>
    public string? FellBackBecause { get; set; }

    public bool FellBack => FellBackBecause is not null;

    /// <summary>
    /// The caller cut the last reply off after <paramref name="heard"/>: the history keeps only that much of it, and a
    /// write read back in words the caller never heard no longer stands (their next yes cannot allow it).
    /// </summary>
    public void KeepHeard(string heard)
    {
        var index = History.FindLastIndex(e => e.Role == HistoryEntry.Assistant && e.Text is not null);
        if (index < 0 || History.FindLastIndex(e => e.Role == HistoryEntry.User) > index)
        {
            return;
        }

        var said = heard.Trim();
        History[index] = History[index] with { Text = said.Length == 0 ? null : $"{said} (cut off by the caller)" };
        if (History[index] is { Text: null, Calls.Count: 0 })
        {
            History.RemoveAt(index);
        }

        if (Proposal is { } proposal && proposal.Turn == Turn && !proposal.MustSay.All(entry => ReadBackWords.IsSaid(entry, said)))
        {
            Proposal = null;
        }
    }
}

/// <summary>
/// A write read back to the caller in turn <paramref name="Turn"/>: the tool and its exact arguments, and the words the
/// reply must have said for it to count as read back (the day and the time, or what is cancelled).
/// </summary>
public sealed record WriteProposal(string Tool, string Arguments, int Turn)
{
    public IReadOnlyList<string> MustSay { get; init; } = [];
}
