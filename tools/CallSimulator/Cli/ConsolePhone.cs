using System.Collections.Concurrent;
using System.Threading.Channels;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The phone of the person at the terminal, rung by the Twilio stand-in for the calls the shop places. A call to
/// <paramref name="owner"/> is queued for the session to ask the person (<see cref="Rings"/>) and rings out after its
/// ring timeout unanswered; while the person is already on a call the line is busy; calls to other numbers ring out.
/// </summary>
public sealed class ConsolePhone(string owner, SessionOutput output) : IOutboundPhone
{
    private readonly Channel<IncomingRing> _rings = Channel.CreateUnbounded<IncomingRing>();
    private readonly ConcurrentDictionary<string, IncomingRing> _ringing = new(StringComparer.Ordinal);
    private volatile bool _inUse;

    public string Owner { get; } = owner;

    /// <summary>Rings waiting for the person, in order.</summary>
    public ChannelReader<IncomingRing> Rings => _rings.Reader;

    /// <summary>True while the person is on a call (a call placed to them meanwhile finds the line busy).</summary>
    public bool InUse
    {
        get => _inUse;
        set => _inUse = value;
    }

    /// <summary>
    /// The next ring, for an answer typed before the phone rang: waits while <paramref name="moving"/> (a clock move that
    /// may make the shop call) runs and <paramref name="after"/> more once it is done; null when no call came.
    /// </summary>
    public async Task<IncomingRing?> NextRingAsync(Task moving, TimeSpan after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moving);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_rings.Reader.TryRead(out var ring))
            {
                return ring;
            }

            var moved = moving.IsCompleted;
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var rang = _rings.Reader.WaitToReadAsync(waiting.Token).AsTask();
            var gaveUp = moved ? Task.Delay(after, waiting.Token) : moving;
            await Task.WhenAny(rang, gaveUp, Task.Delay(Timeout.Infinite, waiting.Token));
            await waiting.CancelAsync();
            if (moved && gaveUp.IsCompleted && !_rings.Reader.TryPeek(out _))
            {
                return null;
            }
        }

        return null;
    }

    public async ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        if (ring.To != Owner)
        {
            output.WriteLine($"[the shop ({ShortNumber.Of(ring.From)}) is calling {ShortNumber.Of(ring.To)}, not this phone: nobody answers]");
            return PhoneAnswer.Nobody;
        }

        if (InUse)
        {
            output.WriteLine($"[the shop ({ShortNumber.Of(ring.From)}) called you while you were on the line: busy]");
            return PhoneAnswer.Busy;
        }

        var incoming = new IncomingRing(ring);
        _ringing[ring.CallSid] = incoming;
        _rings.Writer.TryWrite(incoming);
        using var ringing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ringing.CancelAfter(ring.RingTimeout);
        try
        {
            return await incoming.Answer.WaitAsync(ringing.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (incoming.TryAnswer(PhoneAnswer.Nobody))
            {
                output.WriteLine($"[missed call from the shop ({ShortNumber.Of(ring.From)}): it rang {ring.RingTimeout.TotalSeconds:0} s]");
            }

            return await incoming.Answer;
        }
        finally
        {
            if (!incoming.Answer.IsCompletedSuccessfully || !incoming.Answer.Result.Answers)
            {
                _ringing.TryRemove(ring.CallSid, out _);
                incoming.NeverConnected();
            }
        }
    }

    public async Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_ringing.TryRemove(call.CallSid, out var incoming))
        {
            throw new InvalidOperationException($"Call {call.CallSid} was connected without ringing this phone.");
        }

        return await incoming.ConnectAsync(call).WaitAsync(cancellationToken);
    }
}
