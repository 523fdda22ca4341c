using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using VoiceAgent.OpenAiStandIn.Playback;
using VoiceAgent.OpenAiStandIn.Protocol;

namespace VoiceAgent.OpenAiStandIn.Http;

/// <summary>
/// Writes what the script decided: a refusal or fault as OpenAI's error JSON, a hang as silence until the client
/// gives up, a completion as JSON or as server-sent events ending in <c>[DONE]</c>, after the step's first-token delay.
/// Held requests end when the client aborts, or are aborted when the stand-in stops.
/// </summary>
internal static class ChatAnswers
{
    private static readonly byte[] Done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");

    public static async Task WriteAsync(HttpContext http, PlayDecision decision, RecordedModelRequest request, StandInState state)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, state.Stopping);
        try
        {
            await AnswerAsync(http, decision, request, state, held.Token);
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            if (state.Stopping.IsCancellationRequested)
            {
                http.Abort();
            }
        }
    }

    public static Task ErrorAsync(HttpContext http, OpenAiError error)
    {
        http.Response.StatusCode = error.Status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(error.ToJson(), http.RequestAborted);
    }

    private static async Task AnswerAsync(HttpContext http, PlayDecision decision, RecordedModelRequest request, StandInState state, CancellationToken held)
    {
        switch (decision.Step)
        {
            case null:
                await ErrorAsync(http, OpenAiError.ScriptProblem(decision.Refusal!));
                return;
            case { Fault.Hangs: true }:
                await Task.Delay(Timeout.InfiniteTimeSpan, held);
                return;
            case { Fault: { } fault }:
                if (fault.RetryAfter is { } wait)
                {
                    http.Response.Headers["retry-after-ms"] = ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await ErrorAsync(http, OpenAiError.For(fault));
                return;
            case { } step when request.Stream:
                await StreamAsync(http, step, ModelReply.For(step, request), request.IncludeUsage, state, held);
                return;
            case { } step:
                await DelayAsync(step.FirstTokenDelay, held);
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(ChatCompletionJson.Completion(ModelReply.For(step, request)), held);
                return;
        }
    }

    private static async Task StreamAsync(HttpContext http, ScriptStep step, ModelReply reply, bool includeUsage, StandInState state, CancellationToken held)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(held);
        await DelayAsync(step.FirstTokenDelay, held);
        foreach (var chunk in ChatCompletionChunks.Of(reply, includeUsage))
        {
            await http.Response.WriteAsync($"data: {chunk}\n\n", held);
            await http.Response.Body.FlushAsync(held);
            await DelayAsync(state.ChunkDelay, held);
        }

        await http.Response.Body.WriteAsync(Done, held);
        await http.Response.Body.FlushAsync(held);
    }

    /// <summary>Real time: the stand-in is a network peer, its latency is wall-clock whatever clock the app runs on.</summary>
    private static Task DelayAsync(TimeSpan delay, CancellationToken held) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, held) : Task.CompletedTask;
}
