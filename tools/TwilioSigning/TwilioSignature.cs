using System.Security.Cryptography;
using System.Text;

namespace VoiceAgent.TwilioSigning;

/// <summary>
/// Signs a request as Twilio does (the caller's side: simulator, load driver, tests): computes Twilio's <c>X-Twilio-Signature</c>: Base64(HMAC-SHA1(authToken, url + sorted name/value pairs)).
/// Follows twilio-node: parameters sorted by name (ordinal), repeated names de-duplicated and their values sorted.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);

        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>Lower-case hex SHA-256 of a raw body, as Twilio appends it in <c>bodySHA256</c>.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
