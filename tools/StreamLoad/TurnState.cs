namespace VoiceAgent.StreamLoad;

/// <summary>
/// Where one caller is in its script, frame by frame: a pause of silence, the line's frames, then silence while it
/// listens for the reply; and the send times of the line's last voiced frame and of the frame that ends the hang-over.
/// </summary>
internal sealed class TurnState(int lineFrames, int hangoverFrames)
{
    private int _pause = 25;
    private int _index = -1;

    public long LastVoicedAt { get; set; }

    public long DecisiveAt { get; set; }

    /// <summary>The line was said and the hang-over has passed: the caller listens for the reply.</summary>
    public bool Listening => _index >= lineFrames - 1 + hangoverFrames;

    /// <summary>The next frame's payload; <paramref name="index"/> is its place after the line's first frame (-1 in a pause).</summary>
    public string Next(CallerLine line, out int index)
    {
        if (_pause > 0)
        {
            _pause--;
            if (_pause == 0)
            {
                _index = 0;
            }

            index = -1;
            return CallerLine.Silence;
        }

        index = _index++;
        return index < lineFrames ? line.Frames[index] : CallerLine.Silence;
    }

    public void Pause(int frames)
    {
        _pause = frames;
        _index = -1;
    }
}
