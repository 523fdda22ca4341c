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
}
