namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>A clock time found at tokens <see cref="First"/>..<see cref="Last"/>, before the am/pm rule is applied.</summary>
/// <param name="Hour">The hour as said: 1–12, or 0/13–23 for a 24-hour clock.</param>
/// <param name="Meridiem">"am" or "pm" when said (noon counts as pm, midnight as am).</param>
/// <param name="DayPart">A part of day said with the time ("10 in the morning").</param>
internal sealed record TimeMatch(
    int Hour,
    int Minute,
    Meridiem Meridiem,
    DayPart? DayPart,
    bool IsApproximate,
    TimeEvidence Evidence,
    int First,
    int Last);
