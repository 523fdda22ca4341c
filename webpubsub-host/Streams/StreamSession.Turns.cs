using System.Diagnostics;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Realtime;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>A turn: generated on its own task, spoken line by line as it comes, finished once its reply is whole.</summary>
public sealed partial class StreamSession
{
    /// <summary>One turn's generation: its sentences, tools and outcome to the loop, which speaks them.</summary>
    private async Task RunTurnAsync(Turn turn, CallerInput input)
    {
        var started = Stopwatch.GetTimestamp();
        var first = true;
        AgentReply? reply = null;
        try
        {
            await foreach (var item in calls.StreamTurnAsync(_call, input, turn.Cancellation.Token))
            {
                switch (item)
                {
                    case SpokenSentence sentence:
                        Post(new Sentence(turn, sentence.Text));
                        if (first)
                        {
                            first = false;
                            await events.ReportAsync(new TurnLatency(_tenantId, _call.CallSid.Value, time.GetUtcNow(), turn.Number, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                        }

                        await events.ReportAsync(new AgentSentence(_tenantId, _call.CallSid.Value, time.GetUtcNow(), sentence.Text));
                        break;
                    case ToolActivity tool:
                        Post(new ToolRan(turn, tool));
                        break;
                    case TurnFinished finished:
                        reply = finished.Reply;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (turn.Cancellation.IsCancellationRequested)
        {
            reply = null; // cut off by the caller: the turn saved what it did
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller hears the same apology as on Gather, and the call goes to the shop's desk (or ends).
            LogTurnFailed(logger, _call.CallSid.Value, turn.Number, ex);
            reply = AgentReply.Apology(tenants.LastKnown(_call.Dialed));
            Post(new Sentence(turn, reply.Speech));
        }

        Post(new TurnDone(turn, reply));
    }

    private string? Say(string text, bool isFiller = false)
    {
        if (_reply is { } reply)
        {
            var cue = reply.Add(text, isFiller);
            if (!_holding)
            {
                _speaker?.Say(cue);
            }
        }

        return null;
    }

    private async Task<string?> ToolAsync(ToolActivity tool)
    {
        StopFiller();
        if (!tool.Finished)
        {
            var turn = _turn;
            _filler = time.CreateTimer(_ => Post(new FillerDue(turn!)), null, FillerAfter, Timeout.InfiniteTimeSpan);
        }

        await events.ReportAsync(new ToolCalled(_tenantId, _call.CallSid.Value, time.GetUtcNow(), tool.Tool, tool.Finished));
        return null;
    }

    /// <summary>
    /// The turn is over: its reply is whole (the speaker ends after its last line); a cut is applied, and the caller's
    /// next words, given meanwhile, become the next turn. A transfer or goodbye ends the call once it has been heard.
    /// </summary>
    private async Task<string?> FinishTurnAsync(AgentReply? reply)
    {
        _turn!.Cancellation.Dispose();
        _turn = null;
        StopFiller();
        if (_heard is { } heard)
        {
            _heard = null;
            await KeepHeardAsync(heard);
        }

        if (reply is not null && _reply is { } spoken)
        {
            spoken.Complete();
            _speaker?.Complete();
            _ending = reply.Action switch
            {
                CallAction.Transfer => RealtimeHandoff.Transfer,
                CallAction.Hangup => RealtimeHandoff.Goodbye,
                _ => null,
            };
        }

        _expected = await ExpectedAsync();
        if (_waiting is { } next)
        {
            _waiting = null;
            return await StartTurnAsync(next);
        }

        // Heard to its end, or cut (the caller's words are still being recognised): the silence timer runs meanwhile.
        return _reply is null or { IsHeard: true } ? await ReplyHeardAsync() : null;
    }

    /// <summary>The caller heard the whole reply: the call ends if it said goodbye or transfers, else the silence timer runs.</summary>
    private async Task<string?> ReplyHeardAsync()
    {
        if (_turn is not null)
        {
            return null;
        }

        if (_ending is { } reason)
        {
            return await EndAsync(reason);
        }

        StartSilence();
        return null;
    }

    /// <summary>The next answer's hints, from the question the dialog now waits on.</summary>
    private async Task<IReadOnlyList<string>?> ExpectedAsync()
    {
        try
        {
            return await sessions.FindAsync(_tenantId, _call.CallSid.Value, CancellationToken.None) is { } session ? AnswerHints.For(session.Dialog) : null;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
        {
            return null;
        }
    }

    private async Task KeepHeardAsync(string heard)
    {
        try
        {
            await calls.KeepHeardAsync(_call, heard, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The reply stays whole in the history: the call goes on.
            LogCutFailed(logger, _call.CallSid.Value, ex);
        }
    }
}
