using System.Diagnostics;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// One caller turn, as Stopwatch timestamps of this process (host and clients share it): the line's last voiced frame
/// sent, the frame that ended the hang-over sent, the end-of-turn decision (the recognizer called), the reply's first
/// media received. Missed: no reply within the timeout.
/// </summary>
internal sealed record TurnSample(long LastVoicedAt, long DecisiveAt, long DecidedAt, long FirstAudioAt, int HangoverFrames)
{
    public bool IsMissed => FirstAudioAt == 0 || DecidedAt == 0 || DecidedAt < LastVoicedAt;

    /// <summary>(1) End-of-turn decision to the first audio byte at Twilio: the pipeline's overhead.</summary>
    public double OverheadMs => Ms(DecidedAt, FirstAudioAt);

    /// <summary>(2) The caller's last voiced frame sent to the first audio byte received: hang-over included.</summary>
    public double FirstAudioMs => Ms(LastVoicedAt, FirstAudioAt);

    /// <summary>(3) The frame that ends the hang-over sent to the decision it causes: the inbound processing lag.</summary>
    public double InboundLagMs => Ms(DecisiveAt, DecidedAt);

    public static TurnSample Missed(long lastVoicedAt, int hangoverFrames) => new(lastVoicedAt, 0, 0, 0, hangoverFrames);

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
