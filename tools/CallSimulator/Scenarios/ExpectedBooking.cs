namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>An appointment the call must have created (<c>expect.booked</c>).</summary>
public sealed record ExpectedBooking(string Service, DateTimeOffset Start);
