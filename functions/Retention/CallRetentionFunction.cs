using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Retention;

/// <summary>
/// Once a day, each shop's calls older than its retention (<see cref="TenantProfile.RetentionDays"/>, 90 by default) go:
/// their transcripts, dialogs and summaries. Appointments stay. A shop whose purge fails is logged and retried the next
/// day; the others go on.
/// </summary>
public sealed partial class CallRetentionFunction(TenantStore tenants, CallSessionStore sessions, TimeProvider time, ILogger<CallRetentionFunction> logger)
{
    /// <summary>Daily at 03:30 UTC: night in the Americas, where the first shops are.</summary>
    public const string Schedule = "0 30 3 * * *";

    [Function(nameof(CallRetention))]
    public Task CallRetention([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) => PurgeAsync(cancellationToken);

    /// <summary>One purge over every shop (the timer's body); returns how many calls went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purged = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var days = Math.Max(1, tenant.RetentionDays);
            try
            {
                var count = await sessions.PurgeStartedBeforeAsync(tenant.Id, now.AddDays(-days), cancellationToken);
                purged += count;
                LogPurged(logger, tenant.Id, count, days);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, tenant.Id, ex);
            }
        }

        return purged;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Tenant {TenantId}: {Count} calls older than {Days} days purged")]
    private static partial void LogPurged(ILogger logger, string tenantId, int count, int days);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "Tenant {TenantId}: purging old calls failed; the next daily run tries again")]
    private static partial void LogPurgeFailed(ILogger logger, string tenantId, Exception exception);
}
