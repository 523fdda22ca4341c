using System.Text.RegularExpressions;
using VoiceAgent.Core.Conversation.Offline;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Recognises a caller correcting the date or time: "actually make it 11", "no, 10:30 instead", "make that Thursday",
/// "change it to 3 pm", "not Friday, Monday". Strong cues ("actually", "make it/that", "change it to", "instead",
/// "I meant", "scratch that") mark a correction on their own; weak ones ("no", "wait", "how about", "sorry") only when a
/// new date or time comes with them, so a plain "no" stays an answer to a yes/no question.
/// </summary>
public static partial class CorrectionDetector
{
    /// <summary>Detects against the shop's local "now" (see <see cref="DateTimePhraseParser"/>).</summary>
    public static Correction Detect(string utterance, DateTime localNow)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return RegexGuard.Run(() => DetectCore(utterance, localNow), Correction.NotACorrection);
    }

    /// <summary>Detects against <paramref name="now"/> read on the shop's clock.</summary>
    public static Correction Detect(string utterance, DateTimeOffset now, Scheduling.TenantTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Detect(utterance, time.Local(now).DateTime);
    }

    private static Correction DetectCore(string utterance, DateTime localNow)
    {
        var text = Phrases.Normalise(utterance);
        var cue = StrongCue().Match(text) is { Success: true } strong ? strong.Value : null;
        var phrase = DateTimePhraseParser.Parse(utterance, localNow);
        if (cue is null && phrase is not null && WeakCue().Match(text) is { Success: true } weak)
        {
            cue = weak.Value;
        }

        if (cue is null)
        {
            return Correction.NotACorrection;
        }

        var parts = CorrectedParts.None;
        if (phrase?.HasDate == true)
        {
            parts |= CorrectedParts.Date;
        }

        if (phrase?.HasTime == true)
        {
            parts |= CorrectedParts.Time;
        }

        return new Correction(true, parts, phrase, cue.Trim());
    }

    [GeneratedRegex(@"\b(actually|make it|make that|change it|change that|change to|switch it|switch that|switch to|move it to|move that to|push it to|instead|rather|i meant|i mean|scratch that|on second thought|correction|my mistake|i said)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StrongCue();

    [GeneratedRegex(@"^(no|nope|nah|not|sorry|wait|hold on|hang on|oops)\b|\b(how about|what about|can we do|could we do|can you do|lets do|lets go with|go with|not)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WeakCue();
}
