namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// What a <see cref="VoiceActivityTracker"/> reports about the caller's voice. Times are audio times (the
/// <c>at</c> given with each frame, e.g. the Media Streams timestamp), not wall-clock times.
/// </summary>
public abstract record VoiceActivityEvent(TimeSpan OnsetAt);
