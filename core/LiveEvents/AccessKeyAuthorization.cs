using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Signs each request with a short-lived HS256 JWT over the access key (protocols.md §8.1): <c>aud</c> is the request
/// URL without its query, <c>exp</c> a minute ahead. Local runs only; in Azure access keys are disabled.
/// </summary>
public sealed class AccessKeyAuthorization(string accessKey, TimeProvider time) : IWebPubSubAuthorization
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(accessKey);

    public ValueTask<string> GetBearerTokenAsync(Uri requestUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var audience = requestUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var now = time.GetUtcNow();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(Lifetime).ToUnixTimeSeconds(),
        });
        var unsigned = $"{Header}.{Base64Url.EncodeToString(payload)}";
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned));
        return ValueTask.FromResult($"{unsigned}.{Base64Url.EncodeToString(signature)}");
    }
}
