using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using VoiceAgent.TwilioSigning;
using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.TwilioSockets;

/// <summary>
/// Twilio's side of a bidirectional Media Streams socket, as the wire has it (protocols.md §2): a signed upgrade,
/// <c>connected</c> and <c>start</c>, then the caller's audio as 20 ms μ-law <c>media</c> frames sent in real time
/// (digital silence between the lines the caller is given to say). The host's audio is "played" at 8000 bytes a
/// second: each of its marks is echoed once the audio queued before it would have finished playing, and every
/// pending mark at once after a <c>clear</c>, as Twilio does. Everything the host sends is kept, with the audio time
/// of the caller's stream (frames sent so far) at which it arrived.
/// </summary>
public sealed class TwilioMediaStream : IAsyncDisposable
{
    public const int FrameBytes = 160;
    public static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Line> _lines = new();
    private readonly ConcurrentQueue<HostMessage> _received = new();
    private readonly Lock _playback = new();
    private readonly List<(string Name, long DueTicks)> _pendingMarks = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _playedUntilTicks;
    private long _framesSent;
    private Task _microphone = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;
    private Task _player = Task.CompletedTask;
    private string _streamSid = string.Empty;

    private TwilioMediaStream(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>What the host sent, in order, each with the caller's audio time when it arrived.</summary>
    public IReadOnlyList<HostMessage> Received => [.. _received];

    /// <summary>The marks echoed back to the host, in order, and whether each came back because of a <c>clear</c> (unheard).</summary>
    public ConcurrentQueue<(string Name, bool Cleared)> Echoed { get; } = new();

    /// <summary>The caller's audio time now: 20 ms per frame sent.</summary>
    public TimeSpan AudioTime => Frame * Interlocked.Read(ref _framesSent);

    /// <summary>Set once the host closed the socket.</summary>
    public Task Closed => _receiving;

    /// <summary>
    /// Opens the socket at <paramref name="connectTo"/>, signed as Twilio signs it over <paramref name="signedUrl"/> (the
    /// <c>wss</c> URL the TwiML named, on the host's public name) with <paramref name="authToken"/>;
    /// <paramref name="signature"/> overrides the signature.
    /// </summary>
    public static async Task<TwilioMediaStream> ConnectAsync(Uri signedUrl, Uri connectTo, string authToken, string? signature = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedUrl);
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", signature ?? TwilioSignature.Compute(authToken, signedUrl.AbsoluteUri, []));
        try
        {
            await socket.ConnectAsync(connectTo, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new TwilioMediaStream(socket);
    }

    /// <summary><c>connected</c> and <c>start</c> for <paramref name="callSid"/> with the TwiML's <c>&lt;Parameter&gt;</c>s, then the caller's audio starts flowing.</summary>
    public async Task StartAsync(string callSid, IReadOnlyDictionary<string, string> customParameters)
    {
        ArgumentNullException.ThrowIfNull(customParameters);
        _streamSid = "MZ" + Guid.NewGuid().ToString("N");
        _receiving = Task.Run(ReceiveAsync);
        await SendAsync(new JsonObject { ["event"] = "connected", ["protocol"] = "Call", ["version"] = "1.0.0" });
        var parameters = new JsonObject();
        foreach (var (name, value) in customParameters)
        {
            parameters[name] = value;
        }

        await SendAsync(new JsonObject
        {
            ["event"] = "start",
            ["sequenceNumber"] = "1",
            ["streamSid"] = _streamSid,
            ["start"] = new JsonObject
            {
                ["streamSid"] = _streamSid,
                ["accountSid"] = "AC" + new string('0', 32),
                ["callSid"] = callSid,
                ["tracks"] = new JsonArray("inbound"),
                ["customParameters"] = parameters,
                ["mediaFormat"] = new JsonObject { ["encoding"] = "audio/x-mulaw", ["sampleRate"] = 8000, ["channels"] = 1 },
            },
        });
        _microphone = Task.Run(SendAudioAsync);
        _player = Task.Run(PlayAsync);
    }

    /// <summary>
    /// The caller says <paramref name="samples"/> (8 kHz PCM) as soon as what they said before is out; returns the audio
    /// time its first frame was sent at, once its last frame has been sent.
    /// </summary>
    public Task<TimeSpan> SayAsync(short[] samples)
    {
        var line = new Line(samples);
        _lines.Enqueue(line);
        return line.Said.Task;
    }

    /// <summary>
    /// Waits until the host has sent more than <paramref name="after"/> messages and the caller heard all of it (no mark
    /// pending, nothing new for <paramref name="quiet"/>).
    /// </summary>
    public async Task WaitUntilHeardAsync(int after, TimeSpan? quiet = null, TimeSpan? within = null)
    {
        var settle = quiet ?? TimeSpan.FromMilliseconds(500);
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        var seen = -1;
        var since = _clock.Elapsed;
        while (true)
        {
            timeout.Token.ThrowIfCancellationRequested();
            var count = _received.Count;
            bool pending;
            lock (_playback)
            {
                pending = _pendingMarks.Count > 0;
            }

            if (count != seen || pending)
            {
                seen = count;
                since = _clock.Elapsed;
            }
            else if (count > after && _clock.Elapsed - since >= settle)
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Waits until the host sent a message that matches.</summary>
    public async Task<HostMessage> WaitForAsync(Func<HostMessage, bool> match, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(5, timeout.Token);
        }
    }

    private async Task SendAudioAsync()
    {
        var silence = new short[FrameBytes];
        var codes = new byte[FrameBytes];
        var started = _clock.Elapsed;
        Line? line = null;
        var at = 0;
        TimeSpan lineStart = default;
        try
        {
            for (long frame = 0; !_stop.IsCancellationRequested; frame++)
            {
                var due = started + (Frame * frame);
                if (due > _clock.Elapsed)
                {
                    await Task.Delay(due - _clock.Elapsed, _stop.Token);
                }

                if (line is null && _lines.TryDequeue(out var next))
                {
                    (line, at, lineStart) = (next, 0, Frame * frame);
                }

                var samples = silence.AsSpan();
                if (line is not null)
                {
                    samples = new short[FrameBytes];
                    var take = Math.Min(FrameBytes, line.Samples.Length - at);
                    line.Samples.AsSpan(at, take).CopyTo(samples);
                    at += take;
                }

                MuLaw.Encode(samples, codes);
                await SendAsync(new JsonObject
                {
                    ["event"] = "media",
                    ["sequenceNumber"] = (frame + 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["streamSid"] = _streamSid,
                    ["media"] = new JsonObject
                    {
                        ["track"] = "inbound",
                        ["chunk"] = (frame + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["timestamp"] = ((long)(Frame * frame).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["payload"] = Convert.ToBase64String(codes),
                    },
                });
                Interlocked.Increment(ref _framesSent);
                if (line is not null && at >= line.Samples.Length)
                {
                    line.Said.TrySetResult(lineStart);
                    line = null;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The call is over.
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
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                await TakeAsync(json);
            }
        }
        catch (WebSocketException)
        {
            // The host went.
        }
    }

    private async Task TakeAsync(JsonObject json)
    {
        var kind = json["event"]?.GetValue<string>() ?? string.Empty;
        var now = _clock.ElapsedTicks;
        HostMessage received;
        List<string> echoNow = [];
        lock (_playback)
        {
            switch (kind)
            {
                case "media":
                    var audio = Convert.FromBase64String(json["media"]!["payload"]!.GetValue<string>());
                    var start = Math.Max(now, _playedUntilTicks);
                    _playedUntilTicks = start + (audio.Length * Stopwatch.Frequency / 8000);
                    received = new HostMessage(kind, null, audio, AudioTime);
                    break;
                case "mark":
                    var name = json["mark"]!["name"]!.GetValue<string>();
                    _pendingMarks.Add((name, Math.Max(now, _playedUntilTicks)));
                    received = new HostMessage(kind, name, [], AudioTime);
                    break;
                case "clear":
                    _playedUntilTicks = now;
                    echoNow = [.. _pendingMarks.Select(m => m.Name)];
                    _pendingMarks.Clear();
                    received = new HostMessage(kind, null, [], AudioTime);
                    break;
                default:
                    received = new HostMessage(kind, null, [], AudioTime);
                    break;
            }

            _received.Enqueue(received);
        }

        foreach (var name in echoNow)
        {
            await EchoAsync(name, cleared: true);
        }
    }

    /// <summary>Echoes each mark once the audio before it has played.</summary>
    private async Task PlayAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                string? due = null;
                lock (_playback)
                {
                    if (_pendingMarks.Count > 0 && _pendingMarks[0].DueTicks <= _clock.ElapsedTicks)
                    {
                        due = _pendingMarks[0].Name;
                        _pendingMarks.RemoveAt(0);
                    }
                }

                if (due is not null)
                {
                    await EchoAsync(due, cleared: false);
                }
                else
                {
                    await Task.Delay(5, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The call is over.
        }
    }

    private async Task EchoAsync(string name, bool cleared)
    {
        Echoed.Enqueue((name, cleared));
        await SendAsync(new JsonObject { ["event"] = "mark", ["sequenceNumber"] = "0", ["streamSid"] = _streamSid, ["mark"] = new JsonObject { ["name"] = name } });
    }

    private async Task SendAsync(JsonObject message)
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The host closed the socket meanwhile.
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends <c>stop</c> (the caller hung up) and closes.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_microphone, _player);
        if (_socket.State == WebSocketState.Open)
        {
            await SendAsync(new JsonObject { ["event"] = "stop", ["streamSid"] = _streamSid });
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "hangup", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The host went first.
            }
        }

        await _receiving;
        _socket.Dispose();
        _sending.Dispose();
        _stop.Dispose();
    }

    private sealed record Line(short[] Samples)
    {
        public TaskCompletionSource<TimeSpan> Said { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
