namespace VoiceAgent.Core.Appointments;

public enum BookingOutcome
{
    /// <summary>Written now.</summary>
    Booked,
    /// <summary>The same booking (same id) was already written: a retry, nothing new.</summary>
    AlreadyBooked,
    /// <summary>The slot has no capacity left.</summary>
    SlotTaken,
}
