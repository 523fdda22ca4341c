using System.Globalization;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Vad;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// The caller's side of the stream: each <c>media</c> frame decoded from μ-law and given to the call's voice activity
/// tracker at its audio time (Twilio's timestamp, or the audio received so far when it has none).
/// </summary>
public sealed class CallerAudio(VoiceActivityTracker tracker) : IDisposable
{
    private short[] _samples = new short[VoiceActivityTracker.FrameSamples];
    private byte[] _codes = new byte[VoiceActivityTracker.FrameSamples];
    private long _samplesSeen;

    /// <summary>Whether the caller is speaking now (voice started and not yet ended).</summary>
    public bool InVoice => tracker.InVoice;

    /// <summary>What the frame changed about the caller's voice, if anything; null for a frame that is not the caller's.</summary>
    public VoiceActivityEvent? Push(StreamMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Track is { } track && track != "inbound" || string.IsNullOrEmpty(media.Payload))
        {
            return null;
        }

        var maxBytes = (media.Payload.Length * 3 / 4) + 3;
        if (_codes.Length < maxBytes)
        {
            _codes = new byte[maxBytes];
            _samples = new short[maxBytes];
        }

        if (!Convert.TryFromBase64String(media.Payload, _codes, out var length) || length == 0)
        {
            return null;
        }

        var frame = _samples.AsSpan(0, length);
        MuLaw.Decode(_codes.AsSpan(0, length), frame);
        var at = long.TryParse(media.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : TimeSpan.FromTicks(_samplesSeen * TimeSpan.TicksPerSecond / VoiceActivityTracker.SampleRate);
        _samplesSeen += length;
        return tracker.Push(frame, at);
    }

    public void Dispose() => tracker.Dispose();
}
