namespace VoiceAgent.Core.Calls;

/// <summary>One exchange: what the caller said (or pressed) and what the agent answered, with timing.</summary>
public sealed record CallTurn(int Index, string? CallerSpeech, string? CallerDigits, double? Confidence, string AgentSpeech, string Action, DateTimeOffset At, double ElapsedMilliseconds);
