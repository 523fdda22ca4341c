using System.Security.Cryptography;
using System.Text;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// Validates <c>X-Twilio-Signature</c> the way Twilio's helper libraries do, including the port quirk
/// (a signature over the URL with the default port added, or with an explicit port removed, is accepted)
/// and the JSON-body variant (<c>bodySHA256</c> in the query string).
/// </summary>
public sealed class TwilioRequestValidator(string authToken)
{
    private readonly string _authToken = !string.IsNullOrEmpty(authToken)
        ? authToken
        : throw new ArgumentException("The Twilio auth token is required.", nameof(authToken));

    /// <summary>Form-encoded webhook (and WebSocket upgrade, with no parameters).</summary>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var materialised = parameters as IReadOnlyCollection<KeyValuePair<string, string>> ?? parameters.ToList();
        return UrlCandidates(url).Any(candidate => FixedTimeEquals(TwilioSignature.Compute(_authToken, candidate, materialised), signature));
    }

    /// <summary>JSON body: the signature covers the URL (which carries <c>bodySHA256</c>), and the hash must match the raw body.</summary>
    public bool IsValidJson(string url, ReadOnlySpan<byte> rawBody, string? signature)
    {
        if (!IsValid(url, [], signature))
        {
            return false;
        }

        var bodyHash = QueryValue(url, "bodySHA256");
        return bodyHash is not null && FixedTimeEquals(TwilioSignature.BodyHash(rawBody), bodyHash);
    }

    /// <summary>The URL as given, with its port removed, and with the scheme's default port added.</summary>
    internal static IEnumerable<string> UrlCandidates(string url)
    {
        var withoutFragment = url.Split('#', 2)[0];
        yield return withoutFragment;

        var schemeEnd = withoutFragment.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }

        var scheme = withoutFragment[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var authorityEnd = withoutFragment.IndexOfAny(['/', '?'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = withoutFragment.Length;
        }

        var authority = withoutFragment[authorityStart..authorityEnd];
        var rest = withoutFragment[authorityEnd..];
        var hostStart = authority.LastIndexOf('@') + 1;
        var portSeparator = authority.LastIndexOf(':');
        var hasPort = portSeparator >= hostStart && !authority.EndsWith(']');

        if (hasPort)
        {
            yield return $"{scheme}://{authority[..portSeparator]}{rest}";
        }
        else
        {
            var defaultPort = scheme.ToLowerInvariant() switch
            {
                "https" or "wss" => "443",
                "http" or "ws" => "80",
                _ => null,
            };
            if (defaultPort is not null)
            {
                yield return $"{scheme}://{authority}:{defaultPort}{rest}";
            }
        }
    }

    private static string? QueryValue(string url, string name)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        foreach (var pair in url[(queryStart + 1)..].Split('#', 2)[0].Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && Uri.UnescapeDataString(parts[0]) == name)
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return null;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
