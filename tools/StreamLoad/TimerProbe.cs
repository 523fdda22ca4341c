using System.Diagnostics;
using VoiceAgent.LoadKit;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// The baseline measured interleaved with every level: how late a 20 ms timer wakes in this process while the level
/// runs. It carries no pipeline work, so what it shows is the machine's (and the thread pool's) noise, against which a
/// level's figures are read.
/// </summary>
internal sealed class TimerProbe
{
    private readonly List<double> _lateMs = [];

    public static async Task<TimerProbe> RunAsync(CancellationToken stop)
    {
        var probe = new TimerProbe();
        var period = TimeSpan.FromMilliseconds(20);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var before = Stopwatch.GetTimestamp();
                await Task.Delay(period, stop);
                probe._lateMs.Add((Stopwatch.GetElapsedTime(before) - period).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException)
        {
            // The level is over.
        }

        return probe;
    }

    public Distribution Lateness => Distribution.Of(_lateMs);
}
