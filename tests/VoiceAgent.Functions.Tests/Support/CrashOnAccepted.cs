namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// Crashes the app at the worst moment for exactly-once: the Twilio stand-in has accepted and recorded a send, and the
/// app has not had the answer, so it has no sid to record. Give <see cref="OnAcceptedAsync"/> to the stand-in as its
/// <c>OnAccepted</c>, then <see cref="Arm"/> it with the app process and the send to crash on. It fires once; the
/// stand-in answers the dead connection afterwards (the answer is lost, as it would be from Twilio).
/// </summary>
internal sealed class CrashOnAccepted
{
    private readonly TaskCompletionSource<string> _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Armed? _armed;

    /// <summary>Completes with the sid of the send the app was killed on.</summary>
    public Task<string> Crashed => _crashed.Task;

    /// <param name="app">The process to kill.</param>
    /// <param name="isTheSend">Given the sid just accepted: the send to crash on?</param>
    /// <param name="notBefore">
    /// Holds the crash (and Twilio's answer) until this completes, e.g. an inbound call still on the line, but never
    /// longer than <paramref name="holdAtMost"/>: keep that under the time Durable hides a running activity's message, or
    /// the same process runs the send again before it is killed.
    /// </param>
    public void Arm(AppProcess app, Func<string, bool> isTheSend, Task? notBefore = null, TimeSpan holdAtMost = default) =>
        Volatile.Write(ref _armed, new Armed(app, isTheSend, notBefore ?? Task.CompletedTask, holdAtMost));

    public async Task OnAcceptedAsync(string sid, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _armed) is not { } armed || !armed.IsTheSend(sid) || Interlocked.CompareExchange(ref _armed, null, armed) != armed)
        {
            return;
        }

        await Task.WhenAny(armed.NotBefore, Task.Delay(armed.HoldAtMost, cancellationToken));
        armed.App.Kill();
        _crashed.TrySetResult(sid);
    }

    private sealed record Armed(AppProcess App, Func<string, bool> IsTheSend, Task NotBefore, TimeSpan HoldAtMost);
}
