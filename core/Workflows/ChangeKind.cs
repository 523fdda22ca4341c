namespace VoiceAgent.Core.Workflows;

/// <summary>What a booking change did to the book.</summary>
public enum ChangeKind
{
    Booked,
    /// <summary>Moved: a new appointment replaces an old one (same day in one write, another day in two).</summary>
    Rescheduled,
    Cancelled,
}
