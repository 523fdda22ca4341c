namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// The caller took the turn and finished it: voice from <paramref name="OnsetAt"/> to <paramref name="EndAt"/> (the end of
/// the last voiced frame), followed by the hang-over's silence. <paramref name="Samples"/> is 8 kHz 16-bit PCM from the
/// pre-roll before the onset to the post-roll after the end, beginning at <paramref name="SamplesStartAt"/>: what the
/// recognizer is given.
/// </summary>
public sealed record UtteranceComplete(TimeSpan OnsetAt, TimeSpan EndAt, TimeSpan SamplesStartAt, ReadOnlyMemory<short> Samples)
    : VoiceActivityEvent(OnsetAt)
{
    public TimeSpan Duration => EndAt - OnsetAt;
}
