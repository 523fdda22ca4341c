using VoiceAgent.Core.Appointments;

namespace VoiceAgent.Core.Scheduling;

/// <summary>What a booking (or a move) did: the appointment written, or why not and what is free instead.</summary>
public sealed record BookingResult(Appointment? Appointment, SlotCheck? Refusal)
{
    /// <summary>On a move: the appointment that was freed.</summary>
    public Appointment? Replaced { get; init; }

    public bool IsNotFound => Appointment is null && Refusal is null;

    public static BookingResult Done(Appointment appointment) => new(appointment, null);

    public static BookingResult Refused(SlotCheck check) => new(null, check);

    public static BookingResult NotFound() => new(null, null);
}
