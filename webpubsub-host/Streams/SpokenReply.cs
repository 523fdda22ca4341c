using System.Globalization;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// One turn's reply as the caller hears it: its lines in order (the sentences, and any filler), and how many of them
/// the caller has heard, known from the marks Twilio echoes. Each line is followed by a mark named for the turn, the
/// line and the playback it was sent in; a <c>clear</c> starts a new playback, so the marks Twilio hands back for the
/// cleared audio (it returns every pending mark at once) belong to an old playback and count for nothing. Used by the
/// session's loop only.
/// </summary>
public sealed class SpokenReply(int turn)
{
    private readonly List<Line> _lines = [];

    public int Turn { get; } = turn;

    /// <summary>Lines the caller has heard to the end, from the first.</summary>
    public int Heard { get; private set; }

    /// <summary>The playback the marks sent now belong to; a <c>clear</c> starts the next.</summary>
    public int Playback { get; private set; }

    /// <summary>Whether every line of the reply is known (the turn is over).</summary>
    public bool IsComplete { get; private set; }

    public int Count => _lines.Count;

    /// <summary>Audio the caller has not heard yet is queued at Twilio or on its way there.</summary>
    public bool HasUnheard => Heard < _lines.Count;

    /// <summary>The turn is over and the caller heard all of it.</summary>
    public bool IsHeard => IsComplete && !HasUnheard;

    /// <summary>The reply's sentences the caller heard to the end (fillers left out): what the transcript keeps after a cut.</summary>
    public string HeardText => string.Join(' ', _lines.Take(Heard).Where(l => !l.IsFiller).Select(l => l.Text));

    public bool HasFiller => _lines.Any(l => l.IsFiller);

    /// <summary>Adds the next line; returns its cue for the speaker.</summary>
    public Cue Add(string text, bool isFiller = false)
    {
        _lines.Add(new Line(text, isFiller));
        return CueFor(_lines.Count - 1);
    }

    public void Complete() => IsComplete = true;

    /// <summary>The lines not heard yet, as cues of a new playback: what to say again after a pause for noise.</summary>
    public IReadOnlyList<Cue> Unheard() => [.. Enumerable.Range(Heard, _lines.Count - Heard).Select(CueFor)];

    /// <summary>A <c>clear</c> was sent: marks of the audio sent so far no longer mean it was heard.</summary>
    public void Cleared() => Playback++;

    /// <summary>Takes an echoed mark; true when it says the next line was heard.</summary>
    public bool TryHear(string? mark)
    {
        if (mark?.Split(':') is not [var turnPart, var linePart, var playbackPart]
            || !int.TryParse(turnPart, NumberStyles.None, CultureInfo.InvariantCulture, out var turnNumber) || turnNumber != Turn
            || !int.TryParse(linePart, NumberStyles.None, CultureInfo.InvariantCulture, out var line) || line != Heard
            || !int.TryParse(playbackPart, NumberStyles.None, CultureInfo.InvariantCulture, out var playback) || playback != Playback)
        {
            return false;
        }

        Heard++;
        return true;
    }

    private Cue CueFor(int line) => new(_lines[line].Text, string.Create(CultureInfo.InvariantCulture, $"{Turn}:{line}:{Playback}"));

    private sealed record Line(string Text, bool IsFiller);
}

/// <summary>A line to speak and the mark to send after its audio (<c>turn:line:playback</c>).</summary>
public sealed record Cue(string Text, string Mark);
