namespace VoiceAgent.Core.Calendars;

/// <summary>A busy time in the shop's calendar, in UTC; <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct BusyInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}
