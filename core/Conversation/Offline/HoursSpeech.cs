using System.Globalization;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>Says a tenant's opening hours the way a person would ("Saturday we're open 9 AM to 1 PM").</summary>
public static class HoursSpeech
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Hours for the day the caller asked about, or the whole week when no day was named.</summary>
    public static string Answer(TenantProfile tenant, string utterance, DateTimeOffset now)
    {
        var today = tenant.Time.Today(now);
        var text = Understanding.Phrases.Normalise(utterance);
        DateOnly? date = Understanding.Phrases.ContainsPhrase(text, "christmas") ? NextDate(today, 12, 25)
            : Understanding.Phrases.ContainsPhrase(text, "new years") || Understanding.Phrases.ContainsPhrase(text, "new years day") ? NextDate(today.AddDays(1), 1, 1)
            : Understanding.Phrases.ContainsPhrase(text, "today") ? today
            : Understanding.Phrases.ContainsPhrase(text, "tomorrow") ? today.AddDays(1)
            : Week.Where(d => Understanding.Phrases.ContainsPhrase(text, d.ToString())).Select(d => (DateOnly?)NextOccurrence(today, d)).FirstOrDefault();

        return date is { } day ? ForDay(tenant, day, today) : ForWeek(tenant);
    }

    public static string ForDay(TenantProfile tenant, DateOnly date, DateOnly today)
    {
        var name = date == today ? "Today" : date == today.AddDays(1) ? "Tomorrow" : $"On {date.DayOfWeek}";
        if (tenant.ClosedDates.Contains(date))
        {
            return $"{name}, {date.ToString("MMMM d", CultureInfo.InvariantCulture)}, we're closed for the holiday.";
        }

        return tenant.HoursOn(date.DayOfWeek) is { } hours
            ? $"{name} we're open from {Time(hours.Opens)} to {Time(hours.Closes)}."
            : $"{name} we're closed. {ForWeek(tenant)}";
    }

    public static string ForWeek(TenantProfile tenant)
    {
        var parts = new List<string>();
        var run = new List<DayOfWeek>();
        OpeningHours? runHours = null;
        foreach (var day in Week)
        {
            var hours = tenant.HoursOn(day);
            if (run.Count > 0 && Same(hours, runHours))
            {
                run.Add(day);
                continue;
            }

            Flush();
            run = [day];
            runHours = hours;
        }

        Flush();
        return $"We're open {string.Join(", ", parts.SkipLast(1))}{(parts.Count > 1 ? ", and " : string.Empty)}{parts[^1]}.";

        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var days = run.Count == 1 ? run[0].ToString() : $"{run[0]} to {run[^1]}";
            parts.Add(runHours is null ? $"closed {days}" : $"{days} {Time(runHours.Opens)} to {Time(runHours.Closes)}");
        }
    }

    /// <summary>"9 AM", "1:30 PM", "noon".</summary>
    public static string Time(TimeOnly time)
    {
        if (time == new TimeOnly(12, 0))
        {
            return "noon";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "AM" : "PM";
        return time.Minute == 0 ? $"{hour} {suffix}" : $"{hour}:{time.Minute:00} {suffix}";
    }

    private static DateOnly NextDate(DateOnly from, int month, int day)
    {
        var date = new DateOnly(from.Year, month, day);
        return date >= from ? date : date.AddYears(1);
    }

    private static DateOnly NextOccurrence(DateOnly today, DayOfWeek day) => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);

    private static bool Same(OpeningHours? a, OpeningHours? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.Opens == b.Opens && a.Closes == b.Closes);
}
