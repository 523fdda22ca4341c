using VoiceAgent.Conformance.Tests.Infrastructure;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>A random webhook request, kept in parts so the port variant of its URL is built independently of our parser.</summary>
internal sealed record GeneratedWebhook(
    string Scheme,
    string UserInfo,
    string Host,
    int? Port,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public string Url => $"{Scheme}://{UserInfo}{Host}{(Port is { } port ? $":{port}" : string.Empty)}{PathAndQuery}";

    /// <summary>The URL Twilio may have signed instead: default port added when there is none, the explicit port removed otherwise.</summary>
    public string PortVariantUrl => Port is null
        ? $"{Scheme}://{UserInfo}{Host}:{(Scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80)}{PathAndQuery}"
        : $"{Scheme}://{UserInfo}{Host}{PathAndQuery}";

    public SignatureRequest Request(string token) => new(token, Url, Parameters);

    public SignatureRequest PortVariantRequest(string token) => new(token, PortVariantUrl, Parameters);
}
