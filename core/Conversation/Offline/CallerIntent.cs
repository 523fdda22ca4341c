namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>What the offline engine understood the caller to want.</summary>
public enum CallerIntent
{
    Unknown,
    Goodbye,
    Transfer,
    Hours,
    Faq,
    Price,
    Book,
    Cancel,
    Reschedule,
    ListAppointments,
    Thanks,
    /// <summary>"Do you take walk-ins?", "can I just drop by?"</summary>
    WalkIn,
    /// <summary>"Is my car ready?": repair status, which the agent cannot see.</summary>
    JobStatus,
    /// <summary>The caller speaks, or asks for, a language other than English ("hola", "¿habla español?").</summary>
    OtherLanguage,
    /// <summary>"Text me the confirmation": the shop texts one after each booking, change or cancellation.</summary>
    TextMessage,
    /// <summary>"Can I leave a message?"</summary>
    LeaveMessage,
    /// <summary>
    /// "never mind", "forget it", "scratch that": the caller drops what was just asked or offered. A new request said
    /// after it ("never mind, just cancel it") is classified as that request instead.
    /// </summary>
    NeverMind,
}
