using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// One caller turn on the model: what the caller's words allow (a yes to the write read back last turn), and what the
/// tools did that the engine must act on (a transfer, the end of the call, a write done, call state changed).
/// </summary>
public sealed class ModelTurn(ModelConversation conversation, bool callerSaidYes)
{
    private readonly HashSet<string> _declined = new(StringComparer.Ordinal);
    private bool _wrote;

    public int Number => conversation.Turn;

    /// <summary>Our own reading of the caller's words this turn, never the model's.</summary>
    public bool CallerSaidYes { get; } = callerSaidYes;

    public TransferTarget? Transfer { get; set; }

    public bool EndsCall { get; set; }

    /// <summary>The tools moved the call state on (a slot checked, a write read back) since the model last spoke.</summary>
    public bool ChangedCallState { get; set; }

    /// <summary>What writes on this turn did, in words for the caller (said by the offline engine if the model fails after).</summary>
    public List<string> Done { get; } = [];

    /// <summary>
    /// Whether <paramref name="tool"/> may write with <paramref name="arguments"/> (canonical text) now: only when the same
    /// write was read back on the previous turn and the caller answered yes, once per turn. Answered with anything but a
    /// yes, the proposal is dropped and cannot be made again in that same turn (so a later "yeah" to another question
    /// cannot count). Otherwise this call becomes the proposal to read back; <paramref name="mustSay"/> are the words the
    /// reply must say for it to stand (<see cref="ConfirmReadBack"/>).
    /// </summary>
    public WriteCheck CheckWrite(string tool, string arguments, IReadOnlyList<string>? mustSay = null)
    {
        if (conversation.Proposal is { } proposal && proposal.Tool == tool && proposal.Arguments == arguments)
        {
            if (proposal.Turn == Number)
            {
                return WriteCheck.AwaitingAnswer;
            }

            if (proposal.Turn == Number - 1 && CallerSaidYes && !_wrote)
            {
                conversation.Proposal = null;
                _wrote = true;
                return WriteCheck.Allowed;
            }

            if (proposal.Turn == Number - 1 && !CallerSaidYes)
            {
                conversation.Proposal = null;
                _declined.Add(tool + "|" + arguments);
                return WriteCheck.Declined;
            }
        }

        if (_declined.Contains(tool + "|" + arguments))
        {
            return WriteCheck.Declined;
        }

        conversation.Proposal = new WriteProposal(tool, arguments, Number) { MustSay = mustSay ?? [] };
        ChangedCallState = true;
        return WriteCheck.ReadBack;
    }

    /// <summary>The write just proposed cannot be made (its slot is not free): nothing stands to be said yes to.</summary>
    public void Withdraw()
    {
        if (conversation.Proposal?.Turn == Number)
        {
            conversation.Proposal = null;
        }
    }

    /// <summary>
    /// At the end of the turn: a proposal made this turn stands only if <paramref name="spoken"/> said its day and time
    /// (or what it cancels), so a yes next turn answers the read-back and not some other question. False when it was dropped.
    /// </summary>
    public bool ConfirmReadBack(string spoken)
    {
        if (conversation.Proposal is not { } proposal || proposal.Turn != Number
            || proposal.MustSay.All(entry => ReadBackWords.IsSaid(entry, spoken)))
        {
            return true;
        }

        conversation.Proposal = null;
        return false;
    }
}

/// <summary>The answer of <see cref="ModelTurn.CheckWrite"/>.</summary>
public enum WriteCheck
{
    /// <summary>The caller said yes to exactly this, read back last turn: write.</summary>
    Allowed,

    /// <summary>Recorded as the proposal: read it back and ask.</summary>
    ReadBack,

    /// <summary>Already read back this turn: the caller must answer first.</summary>
    AwaitingAnswer,

    /// <summary>The caller answered the read-back with something other than yes: not written, and not proposed again this turn.</summary>
    Declined,
}
