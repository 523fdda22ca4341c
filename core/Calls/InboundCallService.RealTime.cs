using System.Diagnostics;
using System.Runtime.CompilerServices;
using VoiceAgent.Core.Conversation;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Calls;

/// <summary>
/// The call use cases of the real-time transports (ConversationRelay, Media Streams): a turn taken as a stream of
/// sentences, and a reply the caller cut off. They write the same call session and transcript as a Gather turn.
/// </summary>
public sealed partial class InboundCallService
{
    /// <summary>
    /// The live call a real-time connection claims to carry: the tenant and the session, when <paramref name="tenantId"/>
    /// answers the dialed number and the call is still in progress. Null for anything else, which the host refuses.
    /// </summary>
    public async Task<CallSession?> FindLiveCallAsync(InboundCall call, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken);
        if (tenant is null || tenant.Id != tenantId)
        {
            return null;
        }

        var session = await sessions.FindAsync(tenant.Id, call.CallSid.Value, cancellationToken);
        return session is { Status: CallStatuses.InProgress, EndedAt: null } ? session : null;
    }

    /// <summary>
    /// One turn as a stream: the sentences as the engine has them, tool activity, then the whole reply, which is saved
    /// before it is handed out (a transfer or goodbye that follows finds it in storage). Cancelled (the caller spoke
    /// over it), the turn keeps what its tools did: the call state is saved with the words said so far.
    /// </summary>
    public async IAsyncEnumerable<AgentEvent> StreamTurnAsync(InboundCall call, CallerInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(input);
        var started = Stopwatch.GetTimestamp();
        using var span = VoiceAgentTelemetry.ActivitySource.StartActivity(VoiceAgentTelemetry.TurnActivityName)?.SetTag(VoiceAgentTelemetry.CallSidTag, call.CallSid.Value);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken)
            ?? throw new CallNotFoundException($"No tenant answers {call.Dialed.Masked}.");
        var session = await sessions.FindAsync(tenant.Id, call.CallSid.Value, cancellationToken)
            ?? throw new CallNotFoundException($"Call {call.CallSid} has no session.");
        var customer = session.CustomerId is { } customerId ? await customers.FindAsync(tenant.Id, customerId, cancellationToken) : null;
        var now = time.GetUtcNow();
        var context = new ConversationContext(tenant, session.CallSid, session.CallerNumber, customer, now);
        var spoken = new List<string>();
        var cutOff = false;
        var events = engine.StreamAsync(context, session.Dialog, input, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    cutOff = true;
                    break;
                }

                switch (events.Current)
                {
                    case SpokenSentence sentence:
                        spoken.Add(sentence.Text);
                        break;
                    case TurnFinished finished:
                        // Saved whatever happens to the stream now: the engine's work is done and must not be lost.
                        await SaveStreamedTurnAsync(tenant, session, input, finished.Reply, now, started, CancellationToken.None);
                        break;
                }

                yield return events.Current;
            }
        }
        finally
        {
            await events.DisposeAsync();
        }

        if (cutOff)
        {
            await SaveStreamedTurnAsync(tenant, session, input, AgentReply.Listen(string.Join(' ', spoken)), now, started, CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// The caller spoke over the last reply and heard only <paramref name="heard"/> of it: the engine's memory of the
    /// reply and the call's transcript keep only that.
    /// </summary>
    public async Task KeepHeardAsync(InboundCall call, string heard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(heard);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken)
            ?? throw new CallNotFoundException($"No tenant answers {call.Dialed.Masked}.");
        for (var attempt = 1; ; attempt++)
        {
            var session = await sessions.FindAsync(tenant.Id, call.CallSid.Value, cancellationToken)
                ?? throw new CallNotFoundException($"Call {call.CallSid} has no session.");
            engine.KeepHeard(session.Dialog, heard);
            if (await sessions.TrySaveAsync(session, cancellationToken))
            {
                var turns = await sessions.ListTurnsAsync(tenant.Id, session.CallSid, cancellationToken);
                if (turns.Count > 0 && turns[^1] is { } last && last.Index == session.TurnCount)
                {
                    await sessions.AppendTurnAsync(tenant.Id, session.CallSid, last with { AgentSpeech = CutOff(heard) }, cancellationToken);
                }

                LogCutOff(logger, call.CallSid.Value, session.TurnCount, heard.Length);
                return;
            }

            if (attempt >= MaxSaveAttempts)
            {
                throw new InvalidOperationException($"Call {call.CallSid} kept changing while the cut-off reply was saved.");
            }
        }
    }

    /// <summary>
    /// Stores why the real-time session gives the call back, for a transport with no handoff of its own (Media Streams):
    /// <see cref="AfterRealtimeAsync"/> reads it when Twilio brings none.
    /// </summary>
    public Task RecordRealtimeEndAsync(string tenantId, InboundCall call, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return sessions.RecordRealtimeEndAsync(tenantId, call.CallSid.Value, reason, cancellationToken);
    }

    /// <summary>
    /// What Twilio does once the real-time session gave the call back (<c>&lt;Connect action&gt;</c>): dial the target the
    /// transfer turn stored, hang up after a goodbye, or, when the session ended without a handoff (socket lost, host
    /// drained), carry on over Gather with the last question asked again. With no <paramref name="handoff"/> from Twilio,
    /// the reason the host stored on the call (Media Streams) is taken.
    /// </summary>
    public async Task<AgentReply> AfterRealtimeAsync(InboundCall call, RealtimeHandoff? handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken)
            ?? throw new CallNotFoundException($"No tenant answers {call.Dialed.Masked}.");
        var session = await sessions.FindAsync(tenant.Id, call.CallSid.Value, cancellationToken)
            ?? throw new CallNotFoundException($"Call {call.CallSid} has no session.");
        handoff ??= session.RealtimeEndReason is { Length: > 0 } stored ? new RealtimeHandoff(stored) : null;
        LogRealtimeEnded(logger, call.CallSid.Value, handoff?.Reason ?? "none");
        return handoff?.Reason switch
        {
            RealtimeHandoff.Transfer when (session.TransferredTo ?? tenant.DefaultTransferTarget?.Target) is { } target => AgentReply.Transfer(string.Empty, target),
            RealtimeHandoff.Goodbye or RealtimeHandoff.Transfer => AgentReply.Hangup(string.Empty),
            RealtimeHandoff.MaxDuration => AgentReply.Hangup($"I'm sorry, we've reached the time limit for this call. Please call {tenant.Name} back if there's anything else. Goodbye."),
            _ => AgentReply.Listen($"Sorry, the line dropped for a moment. {session.Dialog.Prompt ?? "How can I help you?"}"),
        };
    }

    private static string CutOff(string heard) => heard.Trim().Length == 0 ? "(cut off before a word was heard)" : $"{heard.Trim()} (cut off)";

    /// <summary>
    /// Saves a streamed turn. Only this call's real-time session drives its conversation, so on a conflict (a status
    /// callback wrote the row) the fresh row is taken with this turn's call state; the turn is never run again.
    /// </summary>
    private async Task SaveStreamedTurnAsync(TenantProfile tenant, CallSession session, CallerInput input, AgentReply reply, DateTimeOffset now, long started, CancellationToken cancellationToken)
    {
        var dialog = session.Dialog;
        for (var attempt = 1; ; attempt++)
        {
            var updated = session with
            {
                Dialog = dialog,
                TurnCount = session.TurnCount + 1,
                CustomerId = dialog.CustomerId ?? session.CustomerId,
                TransferredTo = reply.Action == CallAction.Transfer ? reply.TransferTo : session.TransferredTo,
                LastTurnToken = null,
                LastTurnTwiml = null,
            };
            if (await sessions.TrySaveAsync(updated, cancellationToken))
            {
                await RecordTurnAsync(tenant, updated, input, reply, now, started, cancellationToken, streamed: true);
                return;
            }

            if (attempt >= MaxSaveAttempts)
            {
                throw new InvalidOperationException($"Call {session.CallSid} kept changing while its turn was saved.");
            }

            session = await sessions.FindAsync(tenant.Id, session.CallSid, cancellationToken)
                ?? throw new CallNotFoundException($"Call {session.CallSid} has no session.");
        }
    }

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Call {CallSid}: the real-time session gave the call back ({Reason})")]
    private static partial void LogRealtimeEnded(ILogger logger, string callSid, string reason);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Call {CallSid} turn {Turn}: the caller cut the reply off after {HeardChars} characters")]
    private static partial void LogCutOff(ILogger logger, string callSid, int turn, int heardChars);
}
