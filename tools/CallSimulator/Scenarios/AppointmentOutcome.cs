namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>What storage shows the call did to the book: appointments it created (still booked) and starts it cancelled.</summary>
public sealed record AppointmentOutcome(IReadOnlyList<ExpectedBooking> Booked, IReadOnlyList<DateTimeOffset> Cancelled)
{
    public static AppointmentOutcome None { get; } = new([], []);
}
