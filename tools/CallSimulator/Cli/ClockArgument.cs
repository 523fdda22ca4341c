using System.Globalization;
using System.Text.RegularExpressions;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// What <c>/clock</c> was asked to do with the app's clock: show it (no argument), move it forward by a span
/// (<c>+1d</c>, <c>+2h30m</c>, <c>+90m</c>, <c>+45s</c>, <c>+01:30:00</c>), or move it to an instant
/// (<c>2026-12-02T10:05-06:00</c>, <c>…Z</c>, or without an offset in the shop's time zone, so
/// <c>2026-12-02T10:05</c> is 10:05 at the shop). Whether the instant is still ahead is the app's to say.
/// </summary>
public sealed partial record ClockArgument
{
    public const string Usage = "/clock shows the app's clock; /clock +1d, +2h30m, +90m or +01:30:00 moves it forward; /clock 2026-12-02T10:05 (shop time) or 2026-12-02T10:05-06:00 moves it to that instant.";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private ClockArgument(TimeSpan? by, DateTimeOffset? to)
    {
        By = by;
        To = to;
    }

    public static ClockArgument Show { get; } = new(null, null);

    /// <summary>How far forward to move; null unless this is a move by a span.</summary>
    public TimeSpan? By { get; }

    /// <summary>The instant to move to; null unless this is a move to an instant.</summary>
    public DateTimeOffset? To { get; }

    public bool IsShow => By is null && To is null;

    /// <summary>Reads the words after <c>/clock</c>; a local date and time is read in <paramref name="shop"/>'s zone.</summary>
    public static bool TryParse(string? text, TenantTime shop, out ClockArgument argument, out string error)
    {
        ArgumentNullException.ThrowIfNull(shop);
        argument = Show;
        error = string.Empty;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return true;
        }

        if (value.StartsWith('+'))
        {
            if (Span(value[1..]) is { } span && span > TimeSpan.Zero)
            {
                argument = new ClockArgument(span, null);
                return true;
            }

            error = $"'{value}' is not a span forward: use +1d, +2h30m, +90m, +45s or +01:30:00.";
            return false;
        }

        if (Instant(value, shop) is { } instant)
        {
            argument = new ClockArgument(null, instant);
            return true;
        }

        error = $"'{value}' is neither +SPAN nor a date and time. {Usage}";
        return false;
    }

    private static TimeSpan? Span(string value)
    {
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var clock) ? clock : null;
        }

        var match = Units().Match(value);
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        var span = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = char.ToLowerInvariant(part.Value[^1]);
            if (!int.TryParse(part.Value.AsSpan(0, part.Value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            span += unit switch
            {
                'd' => TimeSpan.FromDays(count),
                'h' => TimeSpan.FromHours(count),
                'm' => TimeSpan.FromMinutes(count),
                _ => TimeSpan.FromSeconds(count),
            };
        }

        return span;
    }

    private static DateTimeOffset? Instant(string value, TenantTime shop)
    {
        if (HasOffset().IsMatch(value))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
        }

        return DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? shop.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
            : null;
    }

    /// <summary>One or more <c>N</c>+unit parts, each unit at most once and in order: <c>1d2h30m15s</c>.</summary>
    [GeneratedRegex(@"^(?:(?<part>[0-9]{1,6}[dD]))?(?:(?<part>[0-9]{1,6}[hH]))?(?:(?<part>[0-9]{1,6}[mM]))?(?:(?<part>[0-9]{1,6}[sS]))?$")]
    private static partial Regex Units();

    /// <summary>A date and time that names its offset: <c>Z</c> or <c>±hh:mm</c> / <c>±hhmm</c> after the time.</summary>
    [GeneratedRegex(@"T[0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
