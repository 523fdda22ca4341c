using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// One simulated call's view into the host, without touching the host's code: the upgrade carries
/// <see cref="Header"/>, a startup filter puts that call's probe in an <see cref="AsyncLocal{T}"/> for the request, and
/// the session's work (the recognizer's <c>Task.Run</c>, the speaker's) inherits it through the execution context. The
/// fake recognizer stamps <see cref="RecognizedAt"/>: the first thing the session does after the tracker's
/// <c>UtteranceComplete</c> (a thread-pool hop later).
/// </summary>
internal sealed class CallProbe
{
    public const string Header = "X-Stream-Load-Call";

    private static readonly ConcurrentDictionary<string, CallProbe> Registered = new();
    private static readonly AsyncLocal<CallProbe?> CurrentProbe = new();
    private long _recognizedAt;

    private CallProbe(string id) => Id = id;

    public string Id { get; }

    /// <summary>The probe of the request this code runs for, if it is a load call.</summary>
    public static CallProbe? Current => CurrentProbe.Value;

    /// <summary>Stopwatch timestamp of the last end-of-turn decision (0 before the first).</summary>
    public long RecognizedAt => Interlocked.Read(ref _recognizedAt);

    public static CallProbe Register()
    {
        var probe = new CallProbe(Guid.NewGuid().ToString("N"));
        Registered[probe.Id] = probe;
        return probe;
    }

    public static void Enter(string? id) => CurrentProbe.Value = id is not null && Registered.TryGetValue(id, out var probe) ? probe : null;

    public void Unregister() => Registered.TryRemove(Id, out _);

    public void Recognized() => Interlocked.Exchange(ref _recognizedAt, Stopwatch.GetTimestamp());
}
