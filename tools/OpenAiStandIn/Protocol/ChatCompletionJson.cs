using System.Text.Json.Nodes;

namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>A <see cref="ModelReply"/> in the shapes OpenAI sends: the <c>chat.completion</c> object and its <c>usage</c>.</summary>
internal static class ChatCompletionJson
{
    public const string Fingerprint = "fp_standin";

    public static string Completion(ModelReply reply)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content, ["refusal"] = null };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = new JsonArray(reply.ToolCalls.Select(call => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Call.Name, ["arguments"] = call.Call.Arguments },
            }).ToArray());
        }

        return new JsonObject
        {
            ["id"] = reply.Id,
            ["object"] = "chat.completion",
            ["created"] = reply.Created,
            ["model"] = reply.Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = reply.FinishReason }),
            ["usage"] = Usage(reply),
            ["system_fingerprint"] = Fingerprint,
        }.ToJsonString();
    }

    public static JsonObject Usage(ModelReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };
}
