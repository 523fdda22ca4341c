using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>An HS256 JWT signed with a Web PubSub access key (the UTF-8 bytes of the key string, protocols.md §8).</summary>
internal static class AccessKeyJwt
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Sign(string accessKey, IReadOnlyDictionary<string, object> claims)
    {
        var unsigned = $"{Header}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url.EncodeToString(signature)}";
    }
}
