using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

/// <summary>Fixed shop-local "now" values the understanding tests resolve against (Northside Auto Care, America/Chicago).</summary>
internal static class ReferenceClock
{
    /// <summary>Tuesday 2026-12-01 09:15, the clock of most shared scenarios.</summary>
    public static readonly DateTime Tuesday = new(2026, 12, 1, 9, 15, 0);

    /// <summary>Friday 2026-12-04 16:00, the clock of the closed-Sunday scenario.</summary>
    public static readonly DateTime Friday = new(2026, 12, 4, 16, 0, 0);

    /// <summary>Wednesday 2026-12-30 23:30: the year rolls over within days, "tomorrow" is near midnight.</summary>
    public static readonly DateTime YearEnd = new(2026, 12, 30, 23, 30, 0);

    public static TenantTime Chicago { get; } = TenantTime.For("America/Chicago");

    public static DateTime Named(string name) => name switch
    {
        "tue" => Tuesday,
        "fri" => Friday,
        "yearend" => YearEnd,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown reference clock"),
    };

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TimeOnly Time(string hhmm) => TimeOnly.Parse(hhmm, System.Globalization.CultureInfo.InvariantCulture);
}
