using System.Net;
using System.Text;
using Twilio.Security;

namespace VoiceAgent.Simulator.Tests.Telephony;

/// <summary>
/// A narrow seam for the simulator's HTTP: answers each webhook with the next canned response, after checking the
/// request is signed as Twilio signs it (checked with Twilio's own <see cref="RequestValidator"/>), and records what was posted.
/// </summary>
internal sealed class StubTwilioApp(string authToken, Uri publicBaseUrl, Func<int, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(string Path, Dictionary<string, string> Fields)> Requests { get; } = [];

    public static HttpResponseMessage Twiml(string xml) => new(HttpStatusCode.OK) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var fields = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')), StringComparer.Ordinal);
        var signedUrl = publicBaseUrl.GetLeftPart(UriPartial.Authority) + request.RequestUri!.PathAndQuery;
        var signature = request.Headers.TryGetValues("X-Twilio-Signature", out var values) ? values.First() : null;
        if (signature is null || !new RequestValidator(authToken).Validate(signedUrl, fields, signature))
        {
            return new HttpResponseMessage(HttpStatusCode.Forbidden);
        }

        Requests.Add((request.RequestUri.AbsolutePath, fields));
        return request.RequestUri.AbsolutePath.EndsWith("/status", StringComparison.Ordinal)
            ? Twiml("<Response/>")
            : answer(Requests.Count(r => !r.Path.EndsWith("/status", StringComparison.Ordinal)));
    }
}
