using System.Globalization;

namespace VoiceAgent.LocalFunctionsHost.Triggers;

/// <summary>Where <c>POST /admin/host/clock</c> moves a fake clock: <c>by</c> a positive time span or <c>to</c> an instant not before now.</summary>
public static class ClockMove
{
    public static DateTimeOffset? Target(DateTimeOffset now, string? by, string? to)
    {
        if (by is not null == to is not null)
        {
            return null;
        }

        if (by is not null)
        {
            return TimeSpan.TryParse(by, CultureInfo.InvariantCulture, out var step) && step > TimeSpan.Zero ? now + step : null;
        }

        return DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && instant >= now ? instant : null;
    }

    /// <summary>An optional non-negative time span; absent means do not wait.</summary>
    public static bool TryParseSettle(string? settle, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        return settle is null || (TimeSpan.TryParse(settle, CultureInfo.InvariantCulture, out wait) && wait >= TimeSpan.Zero);
    }
}
