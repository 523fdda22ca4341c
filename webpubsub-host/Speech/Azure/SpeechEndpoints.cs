using System.Text.RegularExpressions;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// The two REST URLs of a Speech resource. A custom subdomain (or any other host, such as a local stand-in) carries the
/// service in the path (<c>/tts/…</c>, <c>/stt/…</c>); a region has its own hosts (<c>&lt;region&gt;.tts.speech.microsoft.com</c>).
/// </summary>
public sealed partial record SpeechEndpoints(Uri Synthesis, Uri Recognition)
{
    private const string SynthesisPath = "cognitiveservices/v1";
    private const string RecognitionPath = "speech/recognition/conversation/cognitiveservices/v1";

    /// <summary>The URLs for <see cref="AzureSpeechOptions.Endpoint"/>, or null when it is neither a URL nor a region name.</summary>
    public static SpeechEndpoints? From(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var value = endpoint.Trim();
        if (Region().IsMatch(value))
        {
            return Regional(value.ToLowerInvariant());
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        if (RegionalHost().Match(uri.Host) is { Success: true } regional)
        {
            return Regional(regional.Groups["region"].Value.ToLowerInvariant());
        }

        var root = new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        return new SpeechEndpoints(new Uri(root, "tts/" + SynthesisPath), new Uri(root, "stt/" + RecognitionPath));
    }

    private static SpeechEndpoints Regional(string region) => new(
        new Uri($"https://{region}.tts.speech.microsoft.com/{SynthesisPath}"),
        new Uri($"https://{region}.stt.speech.microsoft.com/{RecognitionPath}"));

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^(?<region>[a-z0-9]+)\.api\.cognitive\.microsoft\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex RegionalHost();
}
