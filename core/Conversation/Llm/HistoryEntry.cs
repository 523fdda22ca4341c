namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// One message of the model's history as stored in the call session: the caller's words, the agent's reply with any
/// tool calls, or one tool's result (by call id). Plain data, so a stored session reads back whatever the client library.
/// </summary>
public sealed record HistoryEntry
{
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string Tool = "tool";

    public required string Role { get; init; }

    public string? Text { get; init; }

    /// <summary>The tool calls an assistant message made.</summary>
    public IReadOnlyList<ToolCallEntry> Calls { get; init; } = [];

    /// <summary>For a tool message: the call it answers, and the result as JSON.</summary>
    public string? CallId { get; init; }

    public string? Result { get; init; }

    public static HistoryEntry FromCaller(string text) => new() { Role = User, Text = text };

    public static HistoryEntry FromAgent(string text) => new() { Role = Assistant, Text = text };
}

/// <summary>A tool call as the model made it: its id, the tool, and the arguments as JSON text.</summary>
public sealed record ToolCallEntry(string Id, string Name, string Arguments);
