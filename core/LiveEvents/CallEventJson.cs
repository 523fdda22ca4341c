using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// The one place live call events become JSON, source-generated so publishing allocates no reflection metadata on a
/// call's hot path: camelCase, the <c>type</c> discriminator first. Azure Web PubSub and the local fan-out send exactly
/// these bytes, so the dashboard reads one format whichever carries it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CallEvent))]
public sealed partial class CallEventJson : JsonSerializerContext
{
    /// <summary>UTF-8 JSON of <paramref name="callEvent"/>, always through its base type so the discriminator is written.</summary>
    public static byte[] ToUtf8(CallEvent callEvent) => JsonSerializer.SerializeToUtf8Bytes(callEvent, Default.CallEvent);
}
