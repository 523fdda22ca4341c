namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>An appointment that exists before the call (<c>given:</c>).</summary>
public sealed record GivenAppointment(string Customer, string Service, DateTimeOffset Start);
