using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// One model request of a scripted turn, and how the stand-in answers it: a completion (text to say and/or tool calls),
/// or a fault. Optional expectations check the request itself (its tool results, its system prompt); a request that
/// does not meet them is refused and recorded as a script problem.
/// </summary>
public sealed record ScriptStep
{
    /// <summary>The assistant's text, streamed word by word when the client streams.</summary>
    public string? Say { get; init; }

    /// <summary>Tool calls the model returns (several = parallel tool calls), in order.</summary>
    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];

    /// <summary>Tool name → pattern the request's result for that tool (a trailing <c>tool</c> message) must match.</summary>
    public IReadOnlyDictionary<string, Regex> ExpectToolResults { get; init; } = new Dictionary<string, Regex>(StringComparer.Ordinal);

    /// <summary>Pattern the request's system prompt must match.</summary>
    public Regex? ExpectSystem { get; init; }

    /// <summary>
    /// Wait before the first token: a streamed answer sends its headers at once and its first chunk after this; a
    /// non-streamed one answers after this.
    /// </summary>
    public TimeSpan FirstTokenDelay { get; init; }

    /// <summary>A failure answered instead of a completion.</summary>
    public ScriptFault? Fault { get; init; }

    /// <summary>How many requests a fault step answers (retries included); 1 by default.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>The fault answers every request from this step on, whatever the turn (YAML <c>repeat: all</c>).</summary>
    public bool RepeatForever { get; init; }

    /// <summary>Where the step is written in the script file (for problem reports), when it came from YAML.</summary>
    public int? Line { get; init; }

    /// <summary>A short description for reports: what it answers.</summary>
    public string Describe()
    {
        if (Fault is { } fault)
        {
            var times = RepeatForever ? " every request" : Repeat > 1 ? string.Create(CultureInfo.InvariantCulture, $" ×{Repeat}") : "";
            return $"fault {fault}{times}";
        }

        var parts = new List<string>();
        if (ToolCalls.Count > 0)
        {
            parts.Add("tool_calls " + string.Join(", ", ToolCalls.Select(call => call.Name)));
        }

        if (Say is { } say)
        {
            parts.Add($"say \"{(say.Length > 60 ? say[..57] + "..." : say)}\"");
        }

        return string.Join(" + ", parts);
    }

    /// <summary>Why the step cannot be played, or null when it can.</summary>
    internal string? Invalid()
    {
        var answers = Say is not null || ToolCalls.Count > 0;
        if (Fault is not null && answers)
        {
            return "a step has either a fault or say/tool_calls, not both";
        }

        if (Fault is null && !answers)
        {
            return "a step needs say, tool_calls or fault";
        }

        if (Fault is null && (Repeat != 1 || RepeatForever))
        {
            return "repeat is for fault steps";
        }

        if (Repeat < 1)
        {
            return "repeat must be at least 1";
        }

        return FirstTokenDelay < TimeSpan.Zero ? "first_token_delay_ms must not be negative" : null;
    }
}
