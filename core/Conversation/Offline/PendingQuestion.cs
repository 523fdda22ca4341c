namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Asking a question and keeping it as the call's pending prompt, so a silence, a misunderstanding or a side question
/// (hours, a price) can ask it again word for word. Every flow asks through here.
/// </summary>
internal static class PendingQuestion
{
    /// <summary>Asks <paramref name="question"/>, awaiting its answer at <paramref name="stage"/>.</summary>
    public static AgentReply Ask(DialogState state, DialogStage stage, string question)
    {
        state.Stage = stage;
        state.Prompt = question;
        return AgentReply.Listen(question);
    }

    /// <summary>Asks the pending question again behind a short lead ("Sorry, I didn't get that."), keeping it as the prompt.</summary>
    public static AgentReply Reprompt(DialogState state, string lead) => AgentReply.Listen($"{lead} {state.Prompt}");
}
