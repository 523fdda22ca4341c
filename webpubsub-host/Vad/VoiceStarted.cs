namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// The caller's voice began at <paramref name="OnsetAt"/>, the start of its first voiced frame: the moment to barge in
/// (send <c>clear</c>). It may still turn out to be noise (<see cref="VoiceEndedAsNoise"/>) or become a turn
/// (<see cref="UtteranceComplete"/>); one of the two always follows.
/// </summary>
public sealed record VoiceStarted(TimeSpan OnsetAt) : VoiceActivityEvent(OnsetAt);
