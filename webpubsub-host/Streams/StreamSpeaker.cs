using System.Threading.Channels;
using VoiceAgent.WebPubSubHost.Realtime;
using VoiceAgent.WebPubSubHost.Speech;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// Speaks one playback of a reply: each cue synthesised and sent to Twilio as media as the audio arrives (Twilio
/// buffers it and sets the pace), then the cue's mark. Cues come in as the reply is written; stopping it (the caller
/// spoke) sends nothing more, and the session clears what Twilio holds.
/// </summary>
public sealed class StreamSpeaker : IAsyncDisposable
{
    /// <summary>The largest media message sent: 400 ms of audio, well under any message limit.</summary>
    public const int MaxChunkBytes = 3200;

    private readonly Channel<Cue> _cues = Channel.CreateUnbounded<Cue>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();

    private StreamSpeaker(Task? speaking) => Speaking = speaking ?? Task.CompletedTask;

    /// <summary>Ends when every cue was sent, the speaker was stopped, or synthesis failed (the exception).</summary>
    public Task Speaking { get; private set; }

    /// <param name="language">The call's language, every cue is spoken in.</param>
    /// <param name="voice">The shop's own named voice for it; null is the language's configured voice.</param>
    public static StreamSpeaker Start(SocketText socket, ISpeechSynthesizer synthesizer, string streamSid, string language, string? voice, IEnumerable<Cue> cues)
    {
        var speaker = new StreamSpeaker(null);
        foreach (var cue in cues)
        {
            speaker._cues.Writer.TryWrite(cue);
        }

        speaker.Speaking = Task.Run(() => speaker.SpeakAsync(socket, synthesizer, streamSid, language, voice));
        return speaker;
    }

    public void Say(Cue cue) => _cues.Writer.TryWrite(cue);

    /// <summary>No more cues: the speaker ends once the last is sent.</summary>
    public void Complete() => _cues.Writer.TryComplete();

    /// <summary>
    /// Sends nothing more from now on: a send already under way finishes first, so a <c>clear</c> sent after this comes
    /// after every piece of this speaker's audio.
    /// </summary>
    public void Stop()
    {
        _cues.Writer.TryComplete();
        _stop.Cancel();
    }

    /// <summary>Stops the speaker (if it is still speaking) and waits until it has let go of the synthesizer.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            await Speaking;
        }
        catch (Exception)
        {
            // Stopped on purpose (or failed, which the session heard from Speaking already): nothing more to say.
        }

        _stop.Dispose();
    }

    private async Task SpeakAsync(SocketText socket, ISpeechSynthesizer synthesizer, string streamSid, string language, string? voice)
    {
        var stop = _stop.Token;
        await foreach (var cue in _cues.Reader.ReadAllAsync(stop))
        {
            await foreach (var audio in synthesizer.SynthesizeAsync(cue.Text, language, voice, stop))
            {
                for (var at = 0; at < audio.Length; at += MaxChunkBytes)
                {
                    var chunk = audio.Slice(at, Math.Min(MaxChunkBytes, audio.Length - at));
                    await socket.SendAsync(StreamReply.Media(streamSid, chunk.Span), stop);
                }
            }

            await socket.SendAsync(StreamReply.Mark(streamSid, cue.Mark), stop);
        }
    }
}
