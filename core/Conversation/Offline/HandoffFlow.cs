using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Offers a person (or, when the shop is closed, a message) instead of handing the call over unasked, and takes
/// messages for the staff. Remembers the question that was pending, so "no" carries on where the call was.
/// </summary>
internal static class HandoffFlow
{
    public static bool IsOffer(DialogStage stage) => stage is DialogStage.AwaitHandoffChoice or DialogStage.AwaitMessageOffer;

    /// <summary>Offers to connect the caller with the default department while the shop is open, else to take a message.</summary>
    /// <remarks>A <paramref name="before"/> part (another language) is spoken ahead of the English lead.</remarks>
    public static AgentReply Offer(TurnInput turn, string lead, SpokenPart? before = null)
    {
        var state = turn.State;
        Remember(state);
        var desk = turn.Tenant.DefaultTransferTarget;
        string offer;
        if (desk is not null && turn.Tenant.IsOpenAt(turn.Context.Now))
        {
            state.Stage = DialogStage.AwaitHandoffChoice;
            state.Prompt = DialogPrompts.OfferPerson(desk.Department);
            offer = $"{lead} {state.Prompt}";
        }
        else
        {
            state.Stage = DialogStage.AwaitMessageOffer;
            state.Prompt = DialogPrompts.OfferMessage(DeskName(turn));
            offer = DialogPrompts.ClosedThenOffer(lead, state.Prompt);
        }

        return before is null ? AgentReply.Listen(offer) : AgentReply.Listen(before, new SpokenPart(offer));
    }

    /// <summary>Asks for a message for the staff; the next utterance is the message.</summary>
    public static AgentReply AskForMessage(TurnInput turn, string lead)
    {
        var state = turn.State;
        Remember(state);
        state.Stage = DialogStage.AwaitStaffMessage;
        state.Prompt = DialogPrompts.MessagePrompt;
        return AgentReply.Listen($"{lead} {DialogPrompts.MessagePrompt}");
    }

    /// <summary>The caller's answer to an offer: a reply for yes or no; null (with the pending question restored) for anything else.</summary>
    public static AgentReply? Answer(TurnInput turn)
    {
        var state = turn.State;
        switch (AnswerOf(turn))
        {
            case YesNoAnswer.Yes when state.Stage == DialogStage.AwaitMessageOffer:
                state.Stage = DialogStage.AwaitStaffMessage;
                state.Prompt = DialogPrompts.MessagePrompt;
                return AgentReply.Listen(DialogPrompts.SureMessage);
            case YesNoAnswer.Yes:
                var desk = turn.Tenant.DefaultTransferTarget;
                state.ClearTask();
                return desk is null
                    ? AgentReply.Hangup(DialogPrompts.NobodyToTransferTo)
                    : AgentReply.Transfer(DialogPrompts.Connected(desk.Department), desk.Target);
            case YesNoAnswer.No:
                return Resume(state, DialogPrompts.KeepGoing);
            default:
                Restore(state);
                return null;
        }
    }

    /// <summary>The caller's message for the staff (or a "never mind").</summary>
    public static AgentReply TakeMessage(TurnInput turn)
    {
        var state = turn.State;
        var words = Phrases.Normalise(turn.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words <= 4)
        {
            switch (AnswerOf(turn))
            {
                case YesNoAnswer.No:
                    return Resume(state, DialogPrompts.NoMessage);
                case YesNoAnswer.Yes:
                    return AgentReply.Listen(DialogPrompts.GoAheadMessage);
            }
        }

        turn.Tools.TakeMessage(turn.Text.Trim());
        return Resume(state, DialogPrompts.MessagePassedOn(DeskName(turn)));
    }

    private static string DeskName(TurnInput turn) =>
        DialogPrompts.Desk(turn.Tenant.DefaultTransferTarget?.Department);

    /// <summary>Yes or no, also in Spanish ("sí", which normalises to "s").</summary>
    private static YesNoAnswer AnswerOf(TurnInput turn) =>
        Phrases.Normalise(turn.Text) is "s" or "si" or "s por favor" or "si por favor" or "claro" ? YesNoAnswer.Yes : turn.YesNo;

    private static void Remember(DialogState state)
    {
        if (!IsOffer(state.Stage) && state.Stage != DialogStage.AwaitStaffMessage)
        {
            state.ResumeStage = state.Stage;
            state.ResumePrompt = state.Prompt;
        }
    }

    private static void Restore(DialogState state)
    {
        state.Stage = state.ResumeStage;
        state.Prompt = state.ResumeStage == DialogStage.None ? null : state.ResumePrompt;
        state.ResumeStage = DialogStage.None;
        state.ResumePrompt = null;
    }

    private static AgentReply Resume(DialogState state, string lead)
    {
        Restore(state);
        return AgentReply.Listen(state.Stage == DialogStage.None
            ? DialogPrompts.ThenAnythingElse(lead)
            : $"{lead} {state.Prompt}");
    }
}
