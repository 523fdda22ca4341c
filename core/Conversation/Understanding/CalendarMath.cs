namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>Date arithmetic behind the date rules: which calendar day a weekday or day-of-month means.</summary>
internal static class CalendarMath
{
    /// <summary>The next <paramref name="day"/> on or after <paramref name="today"/> (today counts).</summary>
    public static DateOnly OnOrAfter(DateOnly today, DayOfWeek day) =>
        today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);

    /// <summary><paramref name="day"/> in the calendar week (Monday–Sunday) after the one holding <paramref name="today"/>.</summary>
    public static DateOnly InNextWeek(DateOnly today, DayOfWeek day)
    {
        var mondayThisWeek = today.AddDays(-MondayBasedIndex(today.DayOfWeek));
        return mondayThisWeek.AddDays(7 + MondayBasedIndex(day));
    }

    /// <summary>The most recent <paramref name="day"/> strictly before <paramref name="today"/>.</summary>
    public static DateOnly Before(DateOnly today, DayOfWeek day)
    {
        var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
        return today.AddDays(back == 0 ? -7 : -back);
    }

    /// <summary>Month and day in the given year, or the first such date on or after today when no year was said.</summary>
    public static DateOnly? MonthDay(DateOnly today, int month, int day, int? year)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }

        for (var candidateYear = today.Year; candidateYear <= today.Year + 4; candidateYear++)
        {
            if (day <= DateTime.DaysInMonth(candidateYear, month))
            {
                var candidate = new DateOnly(candidateYear, month, day);
                if (candidate >= today)
                {
                    return candidate;
                }
            }
            else if (day > 29 || month != 2)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The first date on or after today whose day of the month is <paramref name="day"/>.</summary>
    public static DateOnly? DayOfMonth(DateOnly today, int day)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        for (var k = 0; k <= 12; k++)
        {
            var month = firstOfMonth.AddMonths(k);
            if (day <= DateTime.DaysInMonth(month.Year, month.Month))
            {
                var candidate = new DateOnly(month.Year, month.Month, day);
                if (candidate >= today)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>A four-digit year 2000–2099, or a two-digit one taken as 20xx.</summary>
    public static int? Year(string text) =>
        int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var y) && text.All(char.IsAsciiDigit)
            ? text.Length switch { 4 when y is >= 2000 and <= 2099 => y, 2 => 2000 + y, _ => null }
            : null;

    private static int MondayBasedIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
