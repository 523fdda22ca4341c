using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>
/// A <see cref="ModelReply"/> as the <c>chat.completion.chunk</c> events OpenAI streams: the role, the text a word
/// at a time (so sentence streaming sees sentences form), each tool call (id, name, then its arguments in pieces),
/// the finish reason, and with <c>include_usage</c> a last chunk with no choices and the usage. <c>[DONE]</c> is the caller's.
/// </summary>
internal static partial class ChatCompletionChunks
{
    private const int ArgumentPiece = 12;

    public static IEnumerable<string> Of(ModelReply reply, bool includeUsage)
    {
        yield return Chunk(reply, includeUsage, new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null });
        foreach (Match word in Words().Matches(reply.Content ?? ""))
        {
            yield return Chunk(reply, includeUsage, new JsonObject { ["content"] = word.Value });
        }

        for (var index = 0; index < reply.ToolCalls.Count; index++)
        {
            var (id, call) = reply.ToolCalls[index];
            yield return Chunk(reply, includeUsage, ToolCallDelta(new JsonObject
            {
                ["index"] = index,
                ["id"] = id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
            }));
            for (var at = 0; at < call.Arguments.Length; at += ArgumentPiece)
            {
                var piece = call.Arguments.Substring(at, Math.Min(ArgumentPiece, call.Arguments.Length - at));
                yield return Chunk(reply, includeUsage, ToolCallDelta(new JsonObject { ["index"] = index, ["function"] = new JsonObject { ["arguments"] = piece } }));
            }
        }

        yield return Chunk(reply, includeUsage, new JsonObject(), reply.FinishReason);
        if (includeUsage)
        {
            var usage = Envelope(reply, []);
            usage["usage"] = ChatCompletionJson.Usage(reply);
            yield return usage.ToJsonString();
        }
    }

    private static JsonObject ToolCallDelta(JsonObject call) => new() { ["tool_calls"] = new JsonArray(call) };

    private static string Chunk(ModelReply reply, bool includeUsage, JsonObject delta, string? finishReason = null)
    {
        var chunk = Envelope(reply, [new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason }]);
        if (includeUsage)
        {
            chunk["usage"] = null;
        }

        return chunk.ToJsonString();
    }

    private static JsonObject Envelope(ModelReply reply, JsonNode[] choices) => new()
    {
        ["id"] = reply.Id,
        ["object"] = "chat.completion.chunk",
        ["created"] = reply.Created,
        ["model"] = reply.Model,
        ["system_fingerprint"] = ChatCompletionJson.Fingerprint,
        ["choices"] = new JsonArray(choices),
    };

    /// <summary>A word and the spaces after it (leading spaces go with the first word).</summary>
    [GeneratedRegex(@"\s*\S+\s*")]
    private static partial Regex Words();
}
