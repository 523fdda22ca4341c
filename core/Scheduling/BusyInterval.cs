namespace VoiceAgent.Core.Scheduling;

/// <summary>A time the shop's external calendar reports as busy. It blocks every service, whatever its capacity.</summary>
/// <param name="Start">Inclusive start instant.</param>
/// <param name="End">Exclusive end instant.</param>
public readonly record struct BusyInterval(DateTimeOffset Start, DateTimeOffset End);
