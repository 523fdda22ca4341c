using System.Net;
using System.Text.Json;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// Reads the short-audio recognition answer. <c>format=detailed</c> gives <c>NBest</c> with a confidence; the best
/// entry's <c>Display</c> (punctuated, numbers as digits) is the transcript. Silence, noise and nothing recognised are
/// an empty transcript, not a failure; the service's own <c>Error</c> status is one.
/// </summary>
public static class ShortAudioResult
{
    public static Transcript Parse(string json, HttpStatusCode status)
    {
        const string operation = "speech-to-text";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw SpeechFailures.Unreadable(operation, "a body that is not JSON", status);
        }

        using (document)
        {
            var root = document.RootElement;
            var recognition = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("RecognitionStatus", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
            switch (recognition)
            {
                case "Success":
                    return Best(root);
                case "NoMatch" or "InitialSilenceTimeout" or "BabbleTimeout":
                    return Transcript.Nothing;
                case null:
                    throw SpeechFailures.Unreadable(operation, "no RecognitionStatus", status);
                default:
                    throw SpeechFailures.Unreadable(operation, $"RecognitionStatus {recognition}", status);
            }
        }
    }

    private static Transcript Best(JsonElement root)
    {
        if (root.TryGetProperty("NBest", out var nBest) && nBest.ValueKind == JsonValueKind.Array && nBest.GetArrayLength() > 0)
        {
            var best = nBest[0];
            var text = best.TryGetProperty("Display", out var display) && display.ValueKind == JsonValueKind.String ? display.GetString() : null;
            double? confidence = best.TryGetProperty("Confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
            return string.IsNullOrWhiteSpace(text) ? Transcript.Nothing : new Transcript(text, confidence);
        }

        var displayText = root.TryGetProperty("DisplayText", out var simple) && simple.ValueKind == JsonValueKind.String ? simple.GetString() : null;
        return string.IsNullOrWhiteSpace(displayText) ? Transcript.Nothing : new Transcript(displayText);
    }
}
