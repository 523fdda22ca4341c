using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// Twilio's side of one Media Streams call, lean enough to run hundreds at once: a signed upgrade, <c>connected</c> and
/// <c>start</c>, then a 20 ms μ-law frame every 20 ms of real time (frames that fall behind are sent at once, as a
/// late network would deliver them). The caller says <see cref="CallerLine"/>, waits for the reply, hears it (the host's
/// audio "plays" at 8000 bytes a second; each mark is echoed once the audio before it has played), pauses, and speaks
/// again. Everything is sent from the frame loop, so one socket has one sender. Each turn becomes a <see cref="TurnSample"/>.
/// </summary>
internal sealed class SimulatedCall(StreamStack stack, CallerLine line, int hangoverFrames, Action<TurnSample> record)
{
    private const int PauseFrames = 20;
    private static readonly long Frame = Stopwatch.Frequency / 50;
    private static readonly long ReplyQuiet = Stopwatch.Frequency * 3 / 10;
    private static readonly long TurnTimeout = Stopwatch.Frequency * 10;

    private readonly CallProbe _probe = CallProbe.Register();
    private readonly Lock _gate = new();
    private readonly Queue<(string Name, long Due)> _marks = new();
    private readonly StringBuilder _text = new();
    private ClientWebSocket? _socket;
    private string _streamSid = string.Empty;
    private long _playedUntil;
    private long _lastReceived;
    private long _firstAudioAt;

    /// <summary>Runs the call until <paramref name="stop"/>, then hangs up (<c>stop</c> and close).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var callSid = await stack.AnswerAsync(CancellationToken.None);
            using var socket = new ClientWebSocket();
            _socket = socket;
            socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Compute(stack.AuthToken, StreamStack.PublicBaseUrl.Replace("https://", "wss://", StringComparison.Ordinal) + "/stream", []));
            socket.Options.SetRequestHeader(CallProbe.Header, _probe.Id);
            await socket.ConnectAsync(stack.SocketUrl, CancellationToken.None);
            _streamSid = "MZ" + Guid.NewGuid().ToString("N");
            await SendAsync("""{"event":"connected","protocol":"Call","version":"1.0.0"}""");
            await SendAsync(Start(callSid));
            var receiving = ReceiveAsync();
            await SpeakTurnsAsync(stop);
            await SendAsync($$"""{"event":"stop","streamSid":"{{_streamSid}}"}""");
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "hangup", CancellationToken.None);
            await receiving;
        }
        finally
        {
            _probe.Unregister();
        }
    }

    private async Task SpeakTurnsAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var started = Stopwatch.GetTimestamp();
        long frame = 0;
        var state = new TurnState(line.Frames.Count, hangoverFrames);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var due = (Stopwatch.GetTimestamp() - started) / Frame;
                for (; frame <= due && !stop.IsCancellationRequested; frame++)
                {
                    await SendFrameAsync(frame, state);
                }

                await EchoPlayedMarksAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The level is over: the caller hangs up.
        }
    }

    private async Task SendFrameAsync(long frame, TurnState state)
    {
        var payload = state.Next(line, out var index);
        var sentAt = Stopwatch.GetTimestamp();
        await SendAsync(Media(frame, payload));
        if (index == line.Frames.Count - 1)
        {
            state.LastVoicedAt = sentAt;
            Interlocked.Exchange(ref _firstAudioAt, 0);
        }
        else if (index == line.Frames.Count - 1 + hangoverFrames)
        {
            state.DecisiveAt = sentAt;
        }

        if (state.Listening)
        {
            Listen(state, sentAt);
        }
    }

    /// <summary>After the line: the reply's first audio, then its end (nothing pending, nothing new for a while) finish the turn.</summary>
    private void Listen(TurnState state, long now)
    {
        var firstAudio = Interlocked.Read(ref _firstAudioAt);
        bool quiet;
        lock (_gate)
        {
            quiet = _marks.Count == 0 && now - _lastReceived > ReplyQuiet && now > _playedUntil;
        }

        if (firstAudio != 0 && quiet)
        {
            record(new TurnSample(state.LastVoicedAt, state.DecisiveAt, _probe.RecognizedAt, firstAudio, hangoverFrames));
            state.Pause(PauseFrames);
        }
        else if (now - state.LastVoicedAt > TurnTimeout)
        {
            record(TurnSample.Missed(state.LastVoicedAt, hangoverFrames));
            state.Pause(PauseFrames);
        }
    }

    private async Task EchoPlayedMarksAsync()
    {
        while (true)
        {
            string name;
            lock (_gate)
            {
                if (_marks.Count == 0 || _marks.Peek().Due > Stopwatch.GetTimestamp())
                {
                    return;
                }

                name = _marks.Dequeue().Name;
            }

            await SendAsync($$$"""{"event":"mark","sequenceNumber":"0","streamSid":"{{{_streamSid}}}","mark":{"name":"{{{name}}}"}}""");
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65536];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket!.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    Take(message.GetBuffer().AsMemory(0, (int)message.Length), now);
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            // The host went.
        }
    }

    private void Take(ReadOnlyMemory<byte> json, long now)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var kind = root.GetProperty("event").GetString();
        lock (_gate)
        {
            _lastReceived = now;
            switch (kind)
            {
                case "media":
                    Interlocked.CompareExchange(ref _firstAudioAt, now, 0);
                    var bytes = root.GetProperty("media").GetProperty("payload").GetString()!.Length * 3 / 4;
                    _playedUntil = Math.Max(now, _playedUntil) + (bytes * Stopwatch.Frequency / 8000);
                    break;
                case "mark":
                    _marks.Enqueue((root.GetProperty("mark").GetProperty("name").GetString()!, Math.Max(now, _playedUntil)));
                    break;
                case "clear":
                    _playedUntil = now;
                    var pending = _marks.ToArray();
                    _marks.Clear();
                    foreach (var mark in pending)
                    {
                        _marks.Enqueue((mark.Name, now));
                    }

                    break;
            }
        }
    }

    private string Media(long frame, string payload)
    {
        _text.Clear();
        var invariant = CultureInfo.InvariantCulture;
        _text.Append(invariant, $$$"""{"event":"media","sequenceNumber":"{{{frame + 2}}}","streamSid":"{{{_streamSid}}}","media":{"track":"inbound","chunk":"{{{frame + 1}}}","timestamp":"{{{frame * 20}}}","payload":"{{{payload}}}"}}""");
        return _text.ToString();
    }

    private string Start(string callSid) => JsonSerializer.Serialize(new
    {
        @event = "start",
        sequenceNumber = "1",
        streamSid = _streamSid,
        start = new Dictionary<string, object>
        {
            ["streamSid"] = _streamSid,
            ["accountSid"] = "AC" + new string('0', 32),
            ["callSid"] = callSid,
            ["tracks"] = new[] { "inbound" },
            ["customParameters"] = new Dictionary<string, string> { [RealtimeCallParameters.TenantId] = DemoTenant.Id, [RealtimeCallParameters.CallSid] = callSid },
            ["mediaFormat"] = new { encoding = "audio/x-mulaw", sampleRate = 8000, channels = 1 },
        },
    });

    private async Task SendAsync(string message)
    {
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The host closed the socket meanwhile.
            }
        }
    }
}
