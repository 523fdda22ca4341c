namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// One message of a recorded request's history, as the client sent it: the role (<c>system</c>, <c>developer</c>,
/// <c>user</c>, <c>assistant</c>, <c>tool</c>), its text (content parts joined), the assistant's tool calls, and for a
/// tool result the call it answers.
/// </summary>
public sealed record RecordedChatMessage
{
    public required string Role { get; init; }

    /// <summary>The text; content parts of type text are joined; null when the message had none (an assistant's tool-call turn).</summary>
    public string? Content { get; init; }

    public IReadOnlyList<RecordedToolCall> ToolCalls { get; init; } = [];

    /// <summary>For a <c>tool</c> message: the id of the call it answers.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>The optional <c>name</c> field.</summary>
    public string? Name { get; init; }

    /// <summary>True for <c>system</c> and <c>developer</c> (the newer name of the same thing).</summary>
    public bool IsSystem => Role is "system" or "developer";

    public override string ToString() => ToolCalls.Count > 0
        ? $"{Role}: {Content}[calls {string.Join(", ", ToolCalls.Select(call => call.Name))}]"
        : ToolCallId is { } id ? $"{Role} ({id}): {Content}" : $"{Role}: {Content}";
}
