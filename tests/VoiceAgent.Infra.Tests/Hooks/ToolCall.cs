namespace VoiceAgent.Infra.Tests.Hooks;

/// <summary>
/// One call of a stand-in tool as it recorded it: the tool, the Twilio account SID and auth token in its environment
/// (null when unset) and its arguments joined by spaces.
/// </summary>
internal sealed record ToolCall(string Tool, string? AccountSid, string? AuthToken, string Arguments)
{
    /// <summary>Reads a line <c>tool|sid|token|arguments</c> ("-" for unset).</summary>
    public static ToolCall Parse(string line)
    {
        var parts = line.Split('|', 4);
        return new ToolCall(parts[0], Unset(parts[1]), Unset(parts[2]), parts[3]);
    }

    public override string ToString() => $"{Tool} {Arguments} (sid {AccountSid ?? "unset"}, token {(AuthToken is null ? "unset" : "set")})";

    private static string? Unset(string value) => value == "-" ? null : value;
}
