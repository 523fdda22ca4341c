namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>What <see cref="CorrectionDetector"/> found.</summary>
/// <param name="IsCorrection">The caller is changing something already said ("actually make it 11").</param>
/// <param name="Parts">Which parts the new value replaces; <see cref="CorrectedParts.None"/> when the caller did not
/// (yet) say a new date or time ("actually, wait").</param>
/// <param name="Phrase">The new date/time, when one was said.</param>
/// <param name="Cue">The words that marked the correction ("actually", "make it", "instead", "no").</param>
public sealed record Correction(bool IsCorrection, CorrectedParts Parts, DateTimePhrase? Phrase, string? Cue)
{
    public static Correction NotACorrection { get; } = new(false, CorrectedParts.None, null, null);

    public bool CorrectsDate => Parts.HasFlag(CorrectedParts.Date);

    public bool CorrectsTime => Parts.HasFlag(CorrectedParts.Time);
}
