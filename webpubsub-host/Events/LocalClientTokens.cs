using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// Checks a Web PubSub client access token (protocols.md §8.2) as the service would, for the local fan-out: HS256 over
/// the local access key, <c>aud</c> = this host's <c>/client/hubs/{hub}</c> URL, unexpired; and, since the fan-out
/// carries tenants' events only, exactly one joined group, a tenant's (<c>webpubsub.group</c> = <c>[tenant.{id}]</c>).
/// </summary>
public sealed class LocalClientTokens(string accessKey)
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(accessKey));

    /// <summary>The token's user and tenant, or null when it is missing, wrongly signed, expired, for another URL or not one tenant's.</summary>
    public async Task<(string UserId, string TenantId)?> ValidateAsync(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var audience = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}".TrimEnd('/');
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = _key,
            ValidateIssuer = false,
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        var groups = jwt.Claims.Where(c => c.Type == "webpubsub.group").Select(c => c.Value).ToList();
        if (groups is not [var group] || !group.StartsWith(TenantEventGroup.Prefix, StringComparison.Ordinal) || group.Length == TenantEventGroup.Prefix.Length)
        {
            return null;
        }

        return (jwt.Subject ?? "client", group[TenantEventGroup.Prefix.Length..]);
    }
}
