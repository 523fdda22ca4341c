namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// One chat completions request the stand-in received and read (after authentication), with how it was answered: what
/// the app showed the model (history, tools, limits) so tests can assert on prompts, tool results and history windows.
/// </summary>
public sealed record RecordedModelRequest
{
    /// <summary>1 for the first request read, in order of arrival.</summary>
    public int Number { get; init; }

    public required ModelApiForm Form { get; init; }

    /// <summary>The Azure deployment in the path (Azure form), else null.</summary>
    public string? Deployment { get; init; }

    /// <summary>The <c>api-version</c> query when sent (always on the Azure form), else null.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The body's <c>model</c>.</summary>
    public string? Model { get; init; }

    public required IReadOnlyList<RecordedChatMessage> Messages { get; init; }

    public IReadOnlyList<OfferedTool> Tools { get; init; } = [];

    /// <summary>The body's <c>tool_choice</c> as JSON (<c>"auto"</c>, <c>{"type":"function",…}</c>), or null.</summary>
    public string? ToolChoice { get; init; }

    public bool Stream { get; init; }

    /// <summary><c>stream_options.include_usage</c>: a final usage chunk is sent.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary><c>max_completion_tokens</c>, or <c>max_tokens</c> when only that is sent.</summary>
    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    /// <summary>The body exactly as received.</summary>
    public required string Body { get; init; }

    /// <summary>How the stand-in answered: the step played, the fault, or the refusal (status and reason).</summary>
    public string Answer { get; init; } = "";

    /// <summary>The system prompt: every system/developer message's text, joined by blank lines.</summary>
    public string SystemPrompt => string.Join("\n\n", Messages.Where(message => message.IsSystem).Select(message => message.Content));

    public RecordedChatMessage? LastMessage => Messages.Count > 0 ? Messages[^1] : null;

    /// <summary>The content of the last user message, or null.</summary>
    public string? LastUserText => Messages.LastOrDefault(message => message.Role == "user")?.Content;

    /// <summary>The tool results that end the history (answers to the model's last tool calls), in order.</summary>
    public IReadOnlyList<RecordedChatMessage> TrailingToolResults => Enumerable.Reverse(Messages).TakeWhile(message => message.Role == "tool").Reverse().ToArray();

    public override string ToString() => $"#{Number} {Form}{(Stream ? " stream" : "")} [{LastMessage}] → {Answer}";
}
