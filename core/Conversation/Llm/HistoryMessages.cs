using System.Text.Json;
using Microsoft.Extensions.AI;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>Between the stored history (<see cref="HistoryEntry"/>) and Microsoft.Extensions.AI's <see cref="ChatMessage"/>s.</summary>
public static class HistoryMessages
{
    public static ChatMessage ToMessage(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Role)
        {
            case HistoryEntry.User:
                return new ChatMessage(ChatRole.User, entry.Text ?? string.Empty);
            case HistoryEntry.Tool:
                return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(entry.CallId ?? string.Empty, ParseJson(entry.Result))]);
            default:
                var contents = new List<AIContent>();
                if (!string.IsNullOrEmpty(entry.Text))
                {
                    contents.Add(new TextContent(entry.Text));
                }

                contents.AddRange(entry.Calls.Select(c => new FunctionCallContent(c.Id, c.Name, ParseArguments(c.Arguments))));
                return new ChatMessage(ChatRole.Assistant, contents);
        }
    }

    /// <summary>The messages a model turn added (the agent's text and tool calls, the tools' results) as history entries.</summary>
    public static IEnumerable<HistoryEntry> FromMessages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.Tool)
            {
                foreach (var result in message.Contents.OfType<FunctionResultContent>())
                {
                    yield return new HistoryEntry { Role = HistoryEntry.Tool, CallId = result.CallId, Result = ToJson(result.Result) };
                }

                continue;
            }

            if (message.Role != ChatRole.Assistant)
            {
                continue;
            }

            var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
            var calls = message.Contents.OfType<FunctionCallContent>()
                .Select(c => new ToolCallEntry(c.CallId, c.Name, JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), Compact)))
                .ToList();
            if (text.Length > 0 || calls.Count > 0)
            {
                yield return new HistoryEntry { Role = HistoryEntry.Assistant, Text = text.Length > 0 ? text : null, Calls = calls };
            }
        }
    }

    /// <summary>Microsoft.Extensions.AI's JSON settings, written without indentation (the history is stored and re-sent).</summary>
    private static readonly JsonSerializerOptions Compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static string ToJson(object? value) => value switch
    {
        null => "null",
        _ => JsonSerializer.Serialize(value, value.GetType(), Compact),
    };

    private static JsonElement ParseJson(string? json)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone();
        }
    }

    /// <summary>Stored arguments back as a map; arguments the model sent malformed come back empty (they were refused then).</summary>
    private static Dictionary<string, object?> ParseArguments(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
