using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Twilio.Security;

namespace VoiceAgent.Simulator.Tests.TwilioApi;

/// <summary>
/// The app's side of the webhooks the Twilio stand-in sends, as a narrow HTTP seam: checks every request is signed as
/// Twilio signs it over the public URL (with Twilio's own <see cref="RequestValidator"/>), records it, and answers with
/// <paramref name="answer"/> (status callbacks get an empty 204 unless <paramref name="answer"/> says otherwise).
/// </summary>
internal sealed class StubWebhookApp(string authToken, Uri publicBaseUrl, Func<StubWebhookApp.Request, Task<HttpResponseMessage?>> answer) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Request> _requests = new();

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static HttpResponseMessage Twiml(string xml) => new(HttpStatusCode.OK) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var fields = Parse(body);
        var signedUrl = publicBaseUrl.GetLeftPart(UriPartial.Authority) + request.RequestUri!.PathAndQuery;
        var signature = request.Headers.TryGetValues("X-Twilio-Signature", out var values) ? values.First() : null;
        var seen = new Request(request.Method.Method, request.RequestUri.AbsolutePath, request.RequestUri.Query, fields, signature is not null && new RequestValidator(authToken).Validate(signedUrl, fields.ToDictionary(), signature));
        _requests.Enqueue(seen);
        if (!seen.Signed)
        {
            return new HttpResponseMessage(HttpStatusCode.Forbidden);
        }

        return await answer(seen) ?? new HttpResponseMessage(HttpStatusCode.NoContent);
    }

    private static Dictionary<string, string> Parse(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')), StringComparer.Ordinal);

    public sealed record Request(string Method, string Path, string Query, Dictionary<string, string> Fields, bool Signed)
    {
        public string? Field(string name) => Fields.GetValueOrDefault(name);
    }
}
