using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// The one background sender of <see cref="WebPubSubEventPublisher"/>'s queue: each event to its tenant's group, in
/// order. On shutdown it stops taking events, sends what is queued for at most <see cref="DrainDeadline"/> and then
/// gives up the rest, so a stuck service cannot hold the host's shutdown.
/// </summary>
public sealed partial class WebPubSubEventSender(WebPubSubEventPublisher publisher, WebPubSubGroupSender sender, ILogger<WebPubSubEventSender> logger)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _abort = new();
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => SendAllAsync(_abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        publisher.Complete();
        if (_loop is null)
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(DrainDeadline);
        try
        {
            await _loop.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            LogDrainCut(logger, publisher.Queue.Count);
            await _abort.CancelAsync();
            await _loop;
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task SendAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var callEvent in publisher.Queue.ReadAllAsync(cancellationToken))
            {
                await SendAsync(callEvent, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // shutdown's deadline passed: what is left is dropped (logged by StopAsync)
        }
    }

    private async Task SendAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        try
        {
            var status = await sender.SendAsync(TenantEventGroup.For(callEvent.TenantId), CallEventJson.ToUtf8(callEvent), cancellationToken);
            if (status is not { } code || (int)code is < 200 or > 299)
            {
                LogNotDelivered(logger, callEvent.TenantId, callEvent.CallSid, status?.ToString() ?? "unreachable");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(logger, ex, callEvent.TenantId, callEvent.CallSid);
        }
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Live call event of tenant {TenantId}, call {CallSid} not delivered to Web PubSub: {Status}")]
    private static partial void LogNotDelivered(ILogger logger, string tenantId, string callSid, string status);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "Live call event of tenant {TenantId}, call {CallSid} could not be sent to Web PubSub")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string tenantId, string callSid);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Shutdown deadline passed with {Left} live call events still queued: dropped")]
    private static partial void LogDrainCut(ILogger logger, int left);
}
