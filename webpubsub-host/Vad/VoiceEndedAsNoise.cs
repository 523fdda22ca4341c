namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// The voice that started at <paramref name="OnsetAt"/> was shorter than a turn's minimum: a cough or a click over the
/// agent's reply (the agent resumes), or a short word ("yep") when the caller has the floor, which only the recognizer
/// can tell apart. <paramref name="Samples"/> is its audio with the pre- and post-roll, as an utterance's.
/// </summary>
public sealed record VoiceEndedAsNoise(TimeSpan OnsetAt, TimeSpan Duration, ReadOnlyMemory<short> Samples) : VoiceActivityEvent(OnsetAt);
