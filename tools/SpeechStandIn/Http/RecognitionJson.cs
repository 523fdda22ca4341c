using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>
/// The short-audio answer (protocols.md §7.3): <c>RecognitionStatus</c>, <c>Offset</c> and <c>Duration</c> in 100-ns
/// units, and on success <c>DisplayText</c> (simple) or also <c>NBest</c> with <c>Confidence</c>, <c>Lexical</c>,
/// <c>ITN</c>, <c>MaskedITN</c>, <c>Display</c> (detailed). A status other than Success carries no text.
/// </summary>
internal static partial class RecognitionJson
{
    public static string For(ScriptedRecognition answer, RecordedRecognition request)
    {
        var duration = answer.Status == "Success" ? request.Audio.Duration.Ticks : 0L;
        var json = new Dictionary<string, object>
        {
            ["RecognitionStatus"] = answer.Status,
            ["Offset"] = 0L,
            ["Duration"] = duration,
        };
        if (answer.Status == "Success")
        {
            json["DisplayText"] = answer.Text;
            if (request.Format == "detailed")
            {
                var lexical = Punctuation().Replace(answer.Text, "").ToLower(CultureInfo.InvariantCulture);
                json["NBest"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["Confidence"] = answer.Confidence,
                        ["Lexical"] = lexical,
                        ["ITN"] = lexical,
                        ["MaskedITN"] = lexical,
                        ["Display"] = answer.Text,
                    },
                };
            }
        }

        return JsonSerializer.Serialize(json);
    }

    [GeneratedRegex(@"[^\w\s']")]
    private static partial Regex Punctuation();
}
