using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoiceAgent.WebPubSubStandIn;

/// <summary>HS256 JWTs over the access key, as the service mints and checks them (protocols.md §8.1–8.2).</summary>
internal static class StandInToken
{
    public static string Create(string accessKey, IReadOnlyDictionary<string, object> claims)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var unsigned = header + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        return unsigned + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.ASCII.GetBytes(unsigned)));
    }

    /// <summary>The payload when the token is HS256, signed with <paramref name="accessKey"/>, for <paramref name="audience"/> and unexpired; else why not.</summary>
    public static (JsonElement? Payload, string Verdict) Validate(string token, string accessKey, string audience, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, "not a JWT");
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "HS256")
            {
                return (null, "not HS256");
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return (null, "bad signature");
            }

            var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
            if (!payload.TryGetProperty("aud", out var aud) || aud.GetString() != audience)
            {
                return (null, $"wrong aud (want {audience})");
            }

            if (!payload.TryGetProperty("exp", out var exp) || exp.GetInt64() <= now.ToUnixTimeSeconds())
            {
                return (null, "expired or no exp");
            }

            return (payload, "accessKey");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, "malformed");
        }
    }
}
