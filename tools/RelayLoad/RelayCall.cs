using System.Diagnostics;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// One call over ConversationRelay: answered, its socket opened and set up (<see cref="StartAsync"/>), then its
/// script spoken turn by turn with the caller's pauses (<see cref="TalkAsync"/>). Every reply is checked against the
/// script, and the goodbye must end the session with the <c>goodbye</c> handoff.
/// </summary>
internal sealed class RelayCall : IAsyncDisposable
{
    /// <summary>
    /// Time given to the session after <c>setup</c> to look the call up, before the first prompt of a sequential call,
    /// so the first turn's time is the turn's and not the setup's (Twilio, too, speaks the greeting first).
    /// </summary>
    private static readonly TimeSpan SetupSettle = TimeSpan.FromMilliseconds(100);

    private readonly RelaySocket _socket;
    private readonly CallScript _script;
    private readonly ActivityTraceId _trace;
    private readonly StorageTally _storage;

    private RelayCall(RelaySocket socket, CallScript script, ActivityTraceId trace, StorageTally storage)
    {
        _socket = socket;
        _script = script;
        _trace = trace;
        _storage = storage;
    }

    public static async Task<RelayCall> StartAsync(RelayStack stack, StorageTally storage, CallScript script, CancellationToken cancellationToken)
    {
        var call = await IncomingCall.AnswerAsync(stack.Calls, script.CallerNumber, cancellationToken);
        var trace = ActivityTraceId.CreateRandom();
        var socket = await RelaySocket.ConnectAsync(stack, trace, cancellationToken);
        await socket.SetupAsync(call.CallSid.Value, DemoTenant.Id, script.CallerNumber, DemoTenant.Number, cancellationToken);
        return new RelayCall(socket, script, trace, storage);
    }

    /// <summary>Speaks the script: before each turn the caller's pause (the first one a random offset instead, when paced; a short settle when not).</summary>
    public async Task<IReadOnlyList<TurnSample>> TalkAsync(CallerPace pace, int level, int index, bool warmup, CancellationToken cancellationToken)
    {
        var samples = new List<TurnSample>(_script.Turns.Count);
        await Task.Delay(pace == CallerPace.None ? SetupSettle : pace.Offset(), cancellationToken);
        for (var turn = 0; turn < _script.Turns.Count; turn++)
        {
            if (turn > 0 && pace != CallerPace.None)
            {
                await Task.Delay(pace.Next(), cancellationToken);
            }

            var scripted = _script.Turns[turn];
            var mark = _storage.Mark(_trace);
            var reply = await _socket.AskAsync(scripted.Words, cancellationToken);
            scripted.Check(reply.Text, "relay");
            samples.Add(TurnSample.Of("relay", level, index, turn + 1, scripted.Name, warmup, reply.FirstToken, reply.LastToken, _storage.Since(_trace, mark)));
        }

        var end = await _socket.ReadEndAsync(cancellationToken);
        if (end != RealtimeHandoff.Goodbye)
        {
            throw new InvalidOperationException($"relay call {index}: the goodbye ended the session with '{end ?? "nothing"}', not '{RealtimeHandoff.Goodbye}'.");
        }

        return samples;
    }

    public ValueTask DisposeAsync() => _socket.DisposeAsync();
}
