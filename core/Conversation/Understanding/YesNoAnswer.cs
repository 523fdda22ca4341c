namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>The caller's answer to a yes/no question.</summary>
public enum YesNoAnswer
{
    /// <summary>Neither, both, or a hesitation ("wait", "actually…", "not sure"): ask again or listen for a change.</summary>
    Unclear,

    Yes,

    No,
}
