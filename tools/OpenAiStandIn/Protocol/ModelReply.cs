using System.Security.Cryptography;

namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>
/// The completion a step answers with, fixed once (ids, time, usage) so the JSON and the streamed chunks say the same
/// thing: the assistant's text, its tool calls with fresh <c>call_…</c> ids, and why it stopped.
/// </summary>
internal sealed record ModelReply(string Id, long Created, string Model, string? Content, IReadOnlyList<(string Id, ScriptedToolCall Call)> ToolCalls, int PromptTokens)
{
    public string FinishReason => ToolCalls.Count > 0 ? "tool_calls" : "stop";

    public int CompletionTokens => TokenEstimate.Completion(this);

    public static ModelReply For(ScriptStep step, RecordedModelRequest request) => new(
        "chatcmpl-" + RandomId(),
        DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        request.Model ?? request.Deployment ?? "stand-in",
        step.Say,
        step.ToolCalls.Select(call => ("call_" + RandomId(), ToolResultReferences.Resolve(call, request))).ToArray(),
        TokenEstimate.Prompt(request));

    private static string RandomId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
}
