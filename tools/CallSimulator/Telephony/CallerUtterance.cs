using System.Text.RegularExpressions;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>What the caller says (or keys in) at one <c>&lt;Gather&gt;</c>. Both null is silence.</summary>
public sealed partial record CallerUtterance(string? Speech, string? Digits)
{
    /// <summary>
    /// How far into the agent's reply the caller starts saying this, speaking over it; null when the caller lets the
    /// agent finish. The real-time transports play it as a barge-in; on Gather it is simply the next line.
    /// </summary>
    public TimeSpan? InterruptsAfter { get; init; }

    /// <summary>A WAV file the caller plays as their voice on a Media Stream instead of flite speaking <see cref="Speech"/>.</summary>
    public string? AudioFile { get; init; }

    /// <summary>The confidence Twilio reports with every simulated speech result.</summary>
    public const double SpeechConfidence = 0.92;

    public static CallerUtterance Silence { get; } = new(null, null);

    public bool IsSilence => string.IsNullOrEmpty(Speech) && string.IsNullOrEmpty(Digits);

    /// <summary>
    /// A typed or scripted line: empty is silence; a line of digits only ("4 3 2 1") is sent as speech and as
    /// <c>Digits</c> ("4321"), like a caller who says or keys in a number.
    /// </summary>
    public static CallerUtterance FromLine(string? line)
    {
        var text = line?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Silence;
        }

        return new CallerUtterance(text, DigitsOnly().IsMatch(text) ? string.Concat(text.Where(char.IsAsciiDigit)) : null);
    }

    [GeneratedRegex(@"^[0-9](\s*[0-9])*$")]
    private static partial Regex DigitsOnly();
}
