using VoiceAgent.TwilioApiStandIn.Messaging;
using VoiceAgent.TwilioApiStandIn.Numbers;
using VoiceAgent.TwilioApiStandIn.Rest;
using VoiceAgent.TwilioApiStandIn.Voice;
using VoiceAgent.TwilioApiStandIn.Webhooks;

namespace VoiceAgent.TwilioApiStandIn;

/// <summary>The stand-in's state, shared by its endpoints and its background work: the account, clock, logs and the phone's wiring.</summary>
internal sealed class StandInContext(TwilioAccount account, TimeProvider time, WebhookRoutes routes, TwilioWebhookSender webhooks, IOutboundPhone phone, TimeSpan progressDelay, Func<string, CancellationToken, Task>? onAccepted = null, IEnumerable<string>? phoneNumbers = null) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private long _activity;
    private long _sequence;

    public TwilioAccount Account { get; } = account;
    public TimeProvider Time { get; } = time;
    public WebhookRoutes Routes { get; } = routes;
    public TwilioWebhookSender Webhooks { get; } = webhooks;
    public IOutboundPhone Phone { get; } = phone;
    /// <summary>Real time between a call's progress steps (0: as fast as the app answers).</summary>
    public TimeSpan ProgressDelay { get; } = progressDelay;
    public MessageLog Messages { get; } = new();
    public CallLog Calls { get; } = new();
    /// <summary>The account's phone numbers (IncomingPhoneNumbers).</summary>
    public NumberBook Numbers { get; } = new(phoneNumbers ?? [], time.GetUtcNow());
    public BackgroundWork CallWork { get; } = new();
    public BackgroundWork MessageWork { get; } = new();
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Webhooks the app has answered and calls that ended: when it has not moved across a wait, the app heard nothing new.</summary>
    public long Activity => Interlocked.Read(ref _activity);

    public void Acted() => Interlocked.Increment(ref _activity);

    /// <summary>The next number in the one order of acceptance shared by messages and calls.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Runs <see cref="TwilioStandInOptions.OnAccepted"/> for a send just recorded, before its answer is written.</summary>
    public Task AcceptedAsync(string sid) => onAccepted?.Invoke(sid, Stopping) ?? Task.CompletedTask;

    /// <summary>Ends the calls still playing (on dispose).</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
