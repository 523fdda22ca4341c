using Microsoft.Azure.Functions.Worker;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>Timer functions that record each run (with the app's clock at that moment) in the DI <see cref="TimerRecorder"/>.</summary>
public sealed class TimerFunctions(TimerRecorder recorder, TimeProvider time)
{
    public const string EveryFiveMinutes = "EveryFiveMinutes";
    public const string OnStartup = "OnStartup";
    public const string Yearly = "Yearly";
    public const string SlowEveryTenMinutes = "SlowEveryTenMinutes";

    [Function(EveryFiveMinutes)]
    public Task EveryFiveMinutesAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        recorder.Record(new TimerRun(EveryFiveMinutes, time.GetUtcNow(), timer));
        return Task.CompletedTask;
    }

    /// <summary>Runs when the host starts; its schedule (New Year) never comes up in these tests.</summary>
    [Function(OnStartup)]
    public void RunOnStartup([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) =>
        recorder.Record(new TimerRun(OnStartup, time.GetUtcNow(), timer));

    /// <summary>New Year at midnight: months away, further than one timer can wait.</summary>
    [Function(Yearly)]
    public void RunYearly([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer) =>
        recorder.Record(new TimerRun(Yearly, time.GetUtcNow(), timer));

    /// <summary>Takes real time before it records: a run the clock must not overtake.</summary>
    [Function(SlowEveryTenMinutes)]
    public async Task SlowEveryTenMinutesAsync([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var firedAt = time.GetUtcNow();
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);
        recorder.Record(new TimerRun(SlowEveryTenMinutes, firedAt, timer));
    }
}
