using System.Globalization;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>/clock</c> for the session: shows the app's clock, or moves it in the background (a move fires every timer on the
/// way and can take a while, and the shop may call meanwhile), one move after another in the order typed. Every
/// reading is printed in the shop's time and handed to the Twilio stand-in's <see cref="FollowedClock"/>.
/// </summary>
public sealed class ClockControl(AppClock clock, FollowedClock followed, SessionOutput output, TenantTime shop)
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

    /// <summary>Reads the app's clock for the stand-in, saying nothing unless it cannot be read.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        var reading = await clock.ReadAsync(cancellationToken);
        followed.Follow(reading);
    }

    public async Task ShowAsync(CancellationToken cancellationToken)
    {
        var reading = await clock.ReadAsync(cancellationToken);
        followed.Follow(reading);
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
        var target = argument.To is { } to ? Describe(to) : $"+{argument.By:c}";
        output.WriteLine($"[moving the app's clock to {target}: every timer due on the way fires]");
        try
        {
            var reading = await clock.MoveAsync(argument, cancellationToken);
            followed.Follow(reading);
            output.WriteLine(reading.Now is { } now ? $"[app clock: {Describe(now)}]" : $"[{reading.Error}]");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine("[the clock move was stopped]");
        }
    }

    /// <summary>"Tue, Dec 1, 9:15 AM at the shop (2026-12-01T15:15:00Z)".</summary>
    public string Describe(DateTimeOffset instant) =>
        $"{shop.Local(instant).ToString("ddd, MMM d, h:mm tt", CultureInfo.InvariantCulture)} at the shop ({instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)})";
}
