namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// The call's recent audio and, once voice has started, the utterance's: a fixed ring holds enough of the past to reach
/// back to the onset and the pre-roll before it, and a buffer that grows (and is kept for the next utterance) holds the
/// utterance itself. Positions are absolute sample counts since the call began. Not thread-safe.
/// </summary>
internal sealed class UtteranceRecorder
{
    private readonly short[] _history;
    private short[] _utterance;
    private long _utteranceStart = -1;
    private int _utteranceLength;

    public UtteranceRecorder(int historySamples, int initialUtteranceSamples)
    {
        _history = new short[historySamples];
        _utterance = new short[initialUtteranceSamples];
    }

    /// <summary>Samples heard since the call began.</summary>
    public long SamplesSeen { get; private set; }

    public bool IsRecording => _utteranceStart >= 0;

    /// <summary>The absolute position of the utterance's first sample.</summary>
    public long UtteranceStart => _utteranceStart;

    public void Append(ReadOnlySpan<short> samples)
    {
        if (IsRecording)
        {
            AppendToUtterance(samples);
        }

        foreach (var sample in samples)
        {
            _history[SamplesSeen % _history.Length] = sample;
            SamplesSeen++;
        }
    }

    /// <summary>Starts the utterance at <paramref name="from"/>, or at the oldest sample still held if that is gone.</summary>
    public void Start(long from)
    {
        var start = Math.Max(Math.Max(0, from), SamplesSeen - _history.Length);
        _utteranceStart = start;
        _utteranceLength = 0;
        var remaining = (int)(SamplesSeen - start);
        var offset = (int)(start % _history.Length);
        // The held past is at most two runs of the ring: from the start to the ring's end, then from its beginning.
        var first = Math.Min(remaining, _history.Length - offset);
        AppendToUtterance(_history.AsSpan(offset, first));
        AppendToUtterance(_history.AsSpan(0, remaining - first));
    }

    /// <summary>Ends the utterance at absolute position <paramref name="end"/> (exclusive) and hands over a copy of it.</summary>
    public short[] Finish(long end)
    {
        var length = (int)Math.Clamp(end - _utteranceStart, 0, _utteranceLength);
        var samples = _utterance.AsSpan(0, length).ToArray();
        _utteranceStart = -1;
        _utteranceLength = 0;
        return samples;
    }

    private void AppendToUtterance(ReadOnlySpan<short> samples)
    {
        if (_utteranceLength + samples.Length > _utterance.Length)
        {
            Array.Resize(ref _utterance, Math.Max(_utterance.Length * 2, _utteranceLength + samples.Length));
        }

        samples.CopyTo(_utterance.AsSpan(_utteranceLength));
        _utteranceLength += samples.Length;
    }
}
