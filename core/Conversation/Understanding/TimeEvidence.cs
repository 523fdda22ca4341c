namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>How sure the time rules are that a number is a clock time rather than a count, PIN or address.</summary>
internal enum TimeEvidence
{
    /// <summary>"9:30", "2 pm", "two o'clock", "nine thirty", "quarter past ten", "noon".</summary>
    Strong,

    /// <summary>A bare hour ("2", "eleven", "9 30"): needs a cue such as "at", "around", "make it", or "then" after it.</summary>
    NeedsCue,

    /// <summary>A compact "930": needs a cue before it and nothing but the end or a time word after it.</summary>
    NeedsCueAndEnd,
}
