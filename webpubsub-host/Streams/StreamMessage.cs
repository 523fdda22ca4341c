using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// One message from Twilio on a bidirectional Media Streams socket (protocols.md §2.2), read by its <c>event</c>:
/// <c>connected</c>, <c>start</c>, <c>media</c>, <c>dtmf</c>, <c>mark</c>, <c>stop</c>. Parts of other events stay null.
/// </summary>
public sealed record StreamMessage
{
    public const string Connected = "connected";
    public const string Start = "start";
    public const string Media = "media";
    public const string Dtmf = "dtmf";
    public const string Mark = "mark";
    public const string Stop = "stop";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Event { get; init; } = string.Empty;

    public string? StreamSid { get; init; }

    [JsonPropertyName("start")]
    public StreamStart? Started { get; init; }

    [JsonPropertyName("media")]
    public StreamMedia? Audio { get; init; }

    [JsonPropertyName("dtmf")]
    public StreamDtmf? Key { get; init; }

    [JsonPropertyName("mark")]
    public StreamMark? Echo { get; init; }

    /// <summary>The message in <paramref name="json"/>; null when it is not a JSON object with an event.</summary>
    public static StreamMessage? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<StreamMessage>(json, Json) is { Event.Length: > 0 } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary><c>start</c>: the call the stream belongs to (as Twilio reports it) and the TwiML's <c>&lt;Parameter&gt;</c> values.</summary>
public sealed record StreamStart(string? StreamSid, string? CallSid, Dictionary<string, string>? CustomParameters);

/// <summary>
/// <c>media</c>: base64 μ-law at 8 kHz; <see cref="Timestamp"/> is milliseconds since the stream began, as a string
/// (the audio time of the frame's first sample).
/// </summary>
public sealed record StreamMedia(string? Track, string? Timestamp, string? Payload);

/// <summary><c>dtmf</c>: a key the caller pressed.</summary>
public sealed record StreamDtmf(string? Digit);

/// <summary><c>mark</c>: a mark the host sent, echoed once the audio before it has played (or at once, after a <c>clear</c>).</summary>
public sealed record StreamMark(string? Name);
