using System.Text.Json;

namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>
/// Reads a chat completions request body into a <see cref="RecordedModelRequest"/>, and says what OpenAI would refuse
/// in it (no messages, a tool result answering no call, tool calls left unanswered): the app's protocol mistakes
/// surface here as they would against the real service.
/// </summary>
internal static class ChatRequestReader
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool"];

    /// <summary>The request, or a reason it is not a chat completions request at all (unparseable JSON, no messages array).</summary>
    public static (RecordedModelRequest? Request, string? Unreadable) Read(string body, ModelApiForm form, string? deployment, string? apiVersion)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "We could not parse the JSON body of your request.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return (null, "'messages' is a required property");
            }

            var streamOptions = Property(root, "stream_options");
            return (new RecordedModelRequest
            {
                Form = form,
                Deployment = deployment,
                ApiVersion = apiVersion,
                Model = String(root, "model"),
                Messages = messages.EnumerateArray().Select(Message).ToArray(),
                Tools = Property(root, "tools") is { ValueKind: JsonValueKind.Array } tools ? tools.EnumerateArray().Select(Tool).ToArray() : [],
                ToolChoice = Property(root, "tool_choice")?.GetRawText(),
                Stream = Property(root, "stream") is { ValueKind: JsonValueKind.True },
                IncludeUsage = streamOptions is { ValueKind: JsonValueKind.Object } options && Property(options, "include_usage") is { ValueKind: JsonValueKind.True },
                MaxTokens = Integer(root, "max_completion_tokens") ?? Integer(root, "max_tokens"),
                Temperature = Property(root, "temperature") is { ValueKind: JsonValueKind.Number } temperature ? temperature.GetDouble() : null,
                Body = body,
            }, null);
        }
    }

    /// <summary>What OpenAI would answer 400 for in the history, or null when it is well formed.</summary>
    public static string? ProtocolProblem(RecordedModelRequest request)
    {
        if (request.Messages.Count == 0)
        {
            return "[] is too short - 'messages'";
        }

        var unanswered = new List<string>();
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (!Roles.Contains(message.Role, StringComparer.Ordinal))
            {
                return $"messages[{i}]: unknown role '{message.Role}'";
            }

            if (message.Role == "tool")
            {
                if (message.ToolCallId is null || !unanswered.Remove(message.ToolCallId))
                {
                    return $"messages[{i}]: messages with role 'tool' must be a response to a preceding message with 'tool_calls' (tool_call_id '{message.ToolCallId}')";
                }

                continue;
            }

            if (unanswered.Count > 0)
            {
                return $"messages[{i}]: an assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'; not answered: {string.Join(", ", unanswered)}";
            }

            unanswered.AddRange(message.ToolCalls.Select(call => call.Id));
        }

        return unanswered.Count > 0 ? $"the history ends with tool calls not answered: {string.Join(", ", unanswered)}" : null;
    }

    private static RecordedChatMessage Message(JsonElement message) => new()
    {
        Role = String(message, "role") ?? "",
        Content = Property(message, "content") switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray().Where(part => String(part, "type") == "text").Select(part => String(part, "text"))),
            _ => null,
        },
        ToolCalls = Property(message, "tool_calls") is { ValueKind: JsonValueKind.Array } calls
            ? calls.EnumerateArray().Select(call => new RecordedToolCall(
                String(call, "id") ?? "",
                Property(call, "function") is { } function ? String(function, "name") ?? "" : "",
                Property(call, "function") is { } arguments ? String(arguments, "arguments") ?? "" : "")).ToArray()
            : [],
        ToolCallId = String(message, "tool_call_id"),
        Name = String(message, "name"),
    };

    private static OfferedTool Tool(JsonElement tool)
    {
        var function = Property(tool, "function") ?? tool;
        return new OfferedTool(String(function, "name") ?? "", String(function, "description"), Property(function, "parameters")?.GetRawText());
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Integer(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;
}
