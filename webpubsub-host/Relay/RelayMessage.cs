using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceAgent.WebPubSubHost.Relay;

/// <summary>
/// One message from Twilio on a ConversationRelay socket (protocols.md §3), read by its <c>type</c>: <c>setup</c>,
/// <c>prompt</c> (partial until <c>last</c>), <c>interrupt</c>, <c>dtmf</c>, <c>error</c>. Fields of other types stay null.
/// </summary>
public sealed record RelayMessage
{
    public const string Setup = "setup";
    public const string Prompt = "prompt";
    public const string Interrupt = "interrupt";
    public const string Dtmf = "dtmf";
    public const string Error = "error";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Type { get; init; } = string.Empty;

    // setup
    public string? CallSid { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public Dictionary<string, string>? CustomParameters { get; init; }

    // prompt
    public string? VoicePrompt { get; init; }
    public bool Last { get; init; }

    // interrupt
    public string? UtteranceUntilInterrupt { get; init; }
    public double? DurationUntilInterruptMs { get; init; }

    // dtmf
    public string? Digit { get; init; }

    // error
    public string? Description { get; init; }

    /// <summary>The message in <paramref name="json"/>; null when it is not a JSON object with a type.</summary>
    public static RelayMessage? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<RelayMessage>(json, Json) is { Type.Length: > 0 } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the host sends Twilio on a ConversationRelay socket: text tokens to speak, and the end of the session.</summary>
public static class RelayReply
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A piece of the reply to speak; <paramref name="last"/> on the turn's final token.</summary>
    public static byte[] Text(string token, bool last) => JsonSerializer.SerializeToUtf8Bytes(new TextMessage("text", token, last), Json);

    /// <summary>Ends the session; Twilio then asks the <c>&lt;Connect action&gt;</c> URL, with <paramref name="handoffData"/>.</summary>
    public static byte[] End(string handoffData) => JsonSerializer.SerializeToUtf8Bytes(new EndMessage("end", handoffData), Json);

    private sealed record TextMessage(string Type, string Token, bool Last);

    private sealed record EndMessage(string Type, string HandoffData);
}
