namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>The voice that started at <paramref name="OnsetAt"/> was too short to be a turn (a cough, a click): the agent may resume.</summary>
public sealed record VoiceEndedAsNoise(TimeSpan OnsetAt, TimeSpan Duration) : VoiceActivityEvent(OnsetAt);
