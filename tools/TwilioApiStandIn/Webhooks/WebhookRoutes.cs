using System.Collections.Concurrent;

namespace VoiceAgent.TwilioApiStandIn.Webhooks;

/// <summary>
/// Where a webhook URL really goes. The app gives Twilio its public URLs (<c>https://voiceagent.example/api/...</c>);
/// Twilio signs and requests those. Locally the app listens elsewhere (a loopback port), so a public base URL can be
/// routed to the address that serves it: the signature stays over the public URL, the request goes to the target.
/// URLs on no route are requested as they are.
/// </summary>
public sealed class WebhookRoutes
{
    private readonly ConcurrentDictionary<string, Uri> _routes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests for <paramref name="publicBaseUrl"/>'s scheme and host go to <paramref name="target"/>'s instead.</summary>
    public void Add(Uri publicBaseUrl, Uri target)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(target);
        _routes[publicBaseUrl.GetLeftPart(UriPartial.Authority)] = new Uri(target.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The base address that really serves <paramref name="url"/>'s scheme and host.</summary>
    public Uri TargetBaseOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var authority = url.GetLeftPart(UriPartial.Authority);
        return _routes.TryGetValue(authority, out var target) ? target : new Uri(authority);
    }

    /// <summary>The URL to request for <paramref name="url"/> (same path and query, routed host).</summary>
    public Uri Target(Uri url) => new(TargetBaseOf(url).GetLeftPart(UriPartial.Authority) + url.PathAndQuery);

    /// <summary>The first public base URL routed, for documents that carry no URL of their own (a call created with <c>Twiml</c>).</summary>
    public Uri? AnyPublicBase => _routes.Keys.Order(StringComparer.Ordinal).Select(k => new Uri(k)).FirstOrDefault();
}
