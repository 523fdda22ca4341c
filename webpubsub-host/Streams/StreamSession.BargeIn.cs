using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Vad;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>The caller's voice, and the caller speaking over the agent: hold the reply, then resume it (noise) or cut it (a turn).</summary>
public sealed partial class StreamSession
{
    /// <summary>
    /// The caller's voice: onset holds (and clears) the reply, noise resumes it, an utterance cuts it and is heard. Voice
    /// too short for a turn while the caller has the floor may still be a short answer ("yep", "no"): the recognizer
    /// decides, and hearing nothing in it only restarts the silence.
    /// </summary>
    private async Task<string?> HandleVoiceAsync(VoiceActivityEvent? voice)
    {
        switch (voice)
        {
            case VoiceStarted:
                StopSilence();
                if (_reply is { HasUnheard: true } && _ending is null && !_holding)
                {
                    await HoldAsync();
                }

                break;
            case VoiceEndedAsNoise noise:
                if (_holding)
                {
                    await ResumeAsync();
                }
                else if (_turn is null && _reply is null or { IsHeard: true } && _ending is null)
                {
                    Recognize(noise.Samples);
                }

                break;
            case UtteranceComplete utterance:
                if (_ending is null)
                {
                    await CutAsync();
                }

                Recognize(utterance.Samples);
                break;
        }

        return null;
    }

    /// <summary>Stops the reply where it is: nothing more is sent, and Twilio drops what it holds (its pending marks come back, counting for nothing).</summary>
    private async Task HoldAsync()
    {
        _holding = true;
        await ClearAsync();
    }

    private async Task ClearAsync()
    {
        if (_speaker is { } speaker)
        {
            _speaker = null;
            speaker.Stop();
            await socket.SendAsync(StreamReply.Clear(_streamSid), CancellationToken.None);
            await speaker.DisposeAsync();
        }
        else
        {
            await socket.SendAsync(StreamReply.Clear(_streamSid), CancellationToken.None);
        }

        _reply?.Cleared();
    }

    /// <summary>It was noise: the reply goes on from the first line the caller did not hear to the end, nothing lost.</summary>
    private async Task ResumeAsync()
    {
        _holding = false;
        if (_reply is not { } reply)
        {
            return;
        }

        await StartSpeakerAsync(reply.Unheard());
        if (reply.IsComplete)
        {
            _speaker!.Complete();
        }
    }

    /// <summary>
    /// The caller took the turn over the reply: what they did not hear is dropped, generation stops, and the turn is
    /// cut to the lines whose marks came back (once the turn has saved, when it is still running).
    /// </summary>
    private async Task CutAsync()
    {
        if (_reply is not { HasUnheard: true } and not { IsComplete: false })
        {
            _holding = false;
            return;
        }

        if (!_holding)
        {
            await ClearAsync();
        }

        _holding = false;
        var heard = _reply.HeardText;
        _reply = null;
        await events.ReportAsync(new BargedIn(_tenantId, _call.CallSid.Value, time.GetUtcNow(), heard));
        if (_turn is { } running)
        {
            _heard = heard;
            await running.Cancellation.CancelAsync();
        }
        else
        {
            await KeepHeardAsync(heard);
        }
    }
}
