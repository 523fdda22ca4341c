using System.Text.Json;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>What the host sends Twilio on a bidirectional Media Streams socket (protocols.md §2.3): audio, marks, and <c>clear</c>.</summary>
public static class StreamReply
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Raw μ-law, 8 kHz, mono (no header), to play after what Twilio has buffered.</summary>
    public static byte[] Media(string streamSid, ReadOnlySpan<byte> mulaw) =>
        JsonSerializer.SerializeToUtf8Bytes(new MediaMessage("media", streamSid, new MediaBody(Convert.ToBase64String(mulaw))), Json);

    /// <summary>A mark after the audio sent so far: Twilio echoes it when that audio has played.</summary>
    public static byte[] Mark(string streamSid, string name) =>
        JsonSerializer.SerializeToUtf8Bytes(new MarkMessage("mark", streamSid, new MarkBody(name)), Json);

    /// <summary>Empties Twilio's playback buffer (the caller spoke over the agent); pending marks come back at once.</summary>
    public static byte[] Clear(string streamSid) => JsonSerializer.SerializeToUtf8Bytes(new ClearMessage("clear", streamSid), Json);

    private sealed record MediaMessage(string Event, string StreamSid, MediaBody Media);

    private sealed record MediaBody(string Payload);

    private sealed record MarkMessage(string Event, string StreamSid, MarkBody Mark);

    private sealed record MarkBody(string Name);

    private sealed record ClearMessage(string Event, string StreamSid);
}
