namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary><c>clock: INSTANT</c>: time passes to <see cref="To"/>, every timer due on the way firing at its own time.</summary>
public sealed record ClockStep(DateTimeOffset To) : ScenarioStep;
