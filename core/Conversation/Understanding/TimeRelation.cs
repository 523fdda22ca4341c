namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>How the caller's time bounds the appointment.</summary>
public enum TimeRelation
{
    /// <summary>"at 2", "2 pm", "around 3".</summary>
    At,

    /// <summary>"after 2", "not before 10", "from 1", "any time after 3".</summary>
    NotBefore,

    /// <summary>"before 10", "by 5", "until noon", "no later than 4", "not after 3".</summary>
    NotAfter,
}
