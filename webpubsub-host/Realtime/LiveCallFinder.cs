using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.WebPubSubHost.Realtime;

/// <summary>
/// Checks the claim a new real-time connection makes (its <c>&lt;Parameter&gt;</c> values, <see cref="RealtimeCallParameters"/>)
/// against what Twilio itself reports for it: the claimed call must be the one Twilio names, and a live call session of
/// the claimed tenant. ConversationRelay reports the dialed number; Media Streams does not, so the tenant's own number
/// stands for it (it finds the same tenant).
/// </summary>
public sealed partial class LiveCallFinder(InboundCallService calls, TenantStore tenants, ILogger<LiveCallFinder> logger)
{
    /// <summary>The live call, or null for anything else (the connection is then refused).</summary>
    public async Task<LiveCall?> FindAsync(IReadOnlyDictionary<string, string>? parameters, string? reportedCallSid, string? dialed, string? caller, CancellationToken cancellationToken)
    {
        var claimedCall = parameters?.GetValueOrDefault(RealtimeCallParameters.CallSid);
        var claimedTenant = parameters?.GetValueOrDefault(RealtimeCallParameters.TenantId);
        if (claimedCall is null || claimedTenant is null || claimedCall != reportedCallSid || !CallSid.TryParse(reportedCallSid, out var sid))
        {
            return null;
        }

        try
        {
            dialed ??= (await tenants.FindAsync(claimedTenant, cancellationToken))?.PhoneNumber;
            if (!PhoneNumber.TryParse(dialed, "US", out var number))
            {
                return null;
            }

            var call = new InboundCall(sid, number, PhoneNumber.TryParse(caller, "US", out var from) ? from : null);
            return await calls.FindLiveCallAsync(call, claimedTenant, cancellationToken) is { } session
                ? new LiveCall(call with { Caller = call.Caller ?? (PhoneNumber.TryParse(session.CallerNumber, "US", out var known) ? known : null) }, session)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLookupFailed(logger, sid.Value, ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Real-time call {CallSid}: looking up the call failed")]
    private static partial void LogLookupFailed(ILogger logger, string callSid, Exception exception);
}
