using System.Globalization;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>/clock</c> for the session: shows the app's clock, or moves it in the background (a move fires every timer on the
/// way and can take a while, and the shop may call meanwhile), one move after another in the order typed. Times are
/// printed in the shop's time.
/// </summary>
public sealed class ClockControl(AppClock clock, SessionOutput output, TenantTime shop)
{
    private readonly Lock _lock = new();
    private Task _moves = Task.CompletedTask;

    /// <summary>Completes when every move asked for so far has finished.</summary>
    public Task Pending
    {
        get
        {
            lock (_lock)
            {
                return _moves;
            }
        }
    }

    public async Task ShowAsync(CancellationToken cancellationToken)
    {
        var reading = await clock.ReadAsync(cancellationToken);
        output.WriteLine(reading.Now is { } now
            ? $"[app clock: {Describe(now)}{(reading.IsFake ? string.Empty : " — the real clock; start tools/dev with --clock to move it")}]"
            : $"[{reading.Error}]");
    }

    /// <summary>Starts moving the clock as <paramref name="argument"/> says, after the moves before it; returns at once.</summary>
    public void Move(ClockArgument argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argument);
        lock (_lock)
        {
            _moves = MoveAfterAsync(_moves, argument, cancellationToken);
        }
    }

    private async Task MoveAfterAsync(Task before, ClockArgument argument, CancellationToken cancellationToken)
    {
        await before;
        var target = argument.To is { } to ? "to " + Describe(to) : "forward " + Span(argument.By!.Value);
        output.WriteLine($"[moving the app's clock {target}: every timer due on the way fires]");
        try
        {
            var reading = await clock.MoveAsync(argument, cancellationToken);
            output.WriteLine(reading.Now is { } now ? $"[app clock: {Describe(now)}]" : $"[{reading.Error}]");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine("[the clock move was stopped]");
        }
    }

    /// <summary>"1d 2h 30m".</summary>
    private static string Span(TimeSpan span)
    {
        var parts = new List<string>(4);
        if (span.Days > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Days}d"));
        }

        if (span.Hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m"));
        }

        if (span.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Seconds}s"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>"Tue, Dec 1, 9:15 AM at the shop (2026-12-01T15:15:00Z)".</summary>
    public string Describe(DateTimeOffset instant) =>
        $"{shop.Local(instant).ToString("ddd, MMM d, h:mm tt", CultureInfo.InvariantCulture)} at the shop ({instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)})";
}
