using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// Checks tokens signed with the local access key as Web PubSub would, for the local fan-out: HS256 over the key,
/// <c>aud</c> = the request's URL without its query, unexpired. Both doors use it: the function app's REST sends
/// (<see cref="LocalEventIntake"/>, protocols.md §8.1) and the dashboard's client tokens (§8.2), which must also join
/// exactly one group, a tenant's (<c>webpubsub.group</c> = <c>[tenant.{id}]</c>), since the fan-out carries only those.
/// </summary>
public sealed class LocalAccessKeyTokens(string accessKey)
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(accessKey));

    /// <summary>The client token's user and tenant, or null when it is missing, wrongly signed, expired, for another URL or not one tenant's.</summary>
    public async Task<(string UserId, string TenantId)?> ValidateClientAsync(HttpRequest request, string token)
    {
        if (await ValidateAsync(request, token) is not { } jwt)
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

    /// <summary>The token, or null when it is missing, wrongly signed, expired or for another URL.</summary>
    public async Task<JsonWebToken?> ValidateAsync(HttpRequest request, string token)
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
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }
}
