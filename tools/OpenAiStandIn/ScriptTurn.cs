using System.Text.RegularExpressions;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// One caller turn that reaches the model: the pattern its caller message must match, and the model requests it makes
/// (one step each: tool calls, then tool results come back, then the reply).
/// </summary>
public sealed class ScriptTurn
{
    /// <summary>Pattern the request's last user message must match; null accepts any.</summary>
    public Regex? Caller { get; init; }

    public required IReadOnlyList<ScriptStep> Steps { get; init; }

    /// <summary>Where the turn is written in the script file, when it came from YAML.</summary>
    public int? Line { get; init; }

    public override string ToString() => Caller is null ? "any caller message" : $"caller ~ /{Caller}/";
}
