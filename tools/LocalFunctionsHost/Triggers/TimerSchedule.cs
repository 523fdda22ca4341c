using System.Globalization;
using Cronos;

namespace VoiceAgent.LocalFunctionsHost.Triggers;

/// <summary>A <c>timerTrigger</c> schedule: NCRONTAB with seconds (six fields), five-field CRON, or a TimeSpan interval, in UTC.</summary>
public sealed class TimerSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(CronExpression? cron, TimeSpan? interval)
    {
        _cron = cron;
        _interval = interval;
    }

    public static TimerSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval);
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new TimerSchedule(CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard), null);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _interval is { } interval
            ? after + interval
            : _cron!.GetNextOccurrence(after, TimeZoneInfo.Utc) ?? throw new InvalidOperationException("The schedule has no next occurrence.");
}
