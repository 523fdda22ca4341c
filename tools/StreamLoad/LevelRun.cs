using System.Collections.Concurrent;
using System.Diagnostics;
using VoiceAgent.LoadKit;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// One level: <c>calls</c> simultaneous stream calls, started evenly over the ramp, then measured for a while in steady
/// state (only turns whose line ended after the ramp count), with the <see cref="TimerProbe"/> running alongside; then
/// every caller hangs up.
/// </summary>
internal static class LevelRun
{
    public static async Task<LevelReport> RunAsync(StreamStack stack, CallerLine line, string mode, int calls, LoadOptions options)
    {
        var samples = new ConcurrentQueue<TurnSample>();
        var hangoverFrames = options.HangoverMilliseconds / 20;
        using var hangUp = new CancellationTokenSource();
        var running = new List<Task>(calls);
        var ramp = calls == 1 ? TimeSpan.Zero : options.Ramp;
        var rampStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var call = new SimulatedCall(stack, line, hangoverFrames, samples.Enqueue);
            running.Add(Task.Run(() => call.RunAsync(hangUp.Token)));
            var next = ramp * (i + 1) / calls;
            if (next > Stopwatch.GetElapsedTime(rampStarted))
            {
                await Task.Delay(next - Stopwatch.GetElapsedTime(rampStarted));
            }
        }

        // Calls still connecting (storage is slow under load) are given a moment before steady state is declared.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var measureFrom = Stopwatch.GetTimestamp();
        using var measured = new CancellationTokenSource(calls == 1 ? options.SingleMeasure : options.Measure);
        var baseline = await TimerProbe.RunAsync(measured.Token);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;
        await hangUp.CancelAsync();
        var failed = 0;
        foreach (var task in running)
        {
            try
            {
                await task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed++;
            }
        }

        var steady = samples.Where(s => s.LastVoicedAt >= measureFrom).ToList();
        var answered = steady.Where(s => !s.IsMissed).ToList();
        return new LevelReport(
            mode,
            calls,
            options.HangoverMilliseconds,
            steady.Count,
            steady.Count - answered.Count,
            failed,
            Distribution.Of(answered.Select(s => s.OverheadMs)),
            Distribution.Of(answered.Select(s => s.FirstAudioMs)),
            Distribution.Of(answered.Select(s => s.InboundLagMs)),
            baseline.Lateness,
            load);
    }
}

/// <summary>A level's figures (milliseconds): turns measured, turns with no reply, calls that failed, and the baseline.</summary>
internal sealed record LevelReport(
    string Mode,
    int Calls,
    int HangoverMs,
    int Turns,
    int MissedTurns,
    int FailedCalls,
    Distribution DecisionToFirstAudio,
    Distribution LastVoicedToFirstAudio,
    Distribution InboundLag,
    Distribution BaselineTimerLateness,
    string? LoadAverageAtEnd);
