using System.Text.Json;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>How Twilio's 2010-04-01 API writes JSON: snake_case names, nulls written out.</summary>
internal static class TwilioJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = false,
    };
}
