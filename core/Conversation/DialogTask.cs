namespace VoiceAgent.Core.Conversation;

/// <summary>What the caller is trying to get done.</summary>
public enum DialogTask
{
    None,
    Book,
    Cancel,
    Reschedule,
    ListAppointments,
}
