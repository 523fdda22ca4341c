using System.Net;

namespace VoiceAgent.Smoke.Checks;

/// <summary>
/// <c>greeting</c>: a correctly signed incoming call from the reserved test caller to the shop's number is answered 200
/// with TwiML that greets (<see cref="GreetingTwiml"/>). A 403 means the token is not the app's <c>Twilio:AuthToken</c>
/// or the URL is not its <c>Twilio:PublicBaseUrl</c>.
/// </summary>
public sealed class GreetingCheck(HttpClient http, SignedIncomingCall call, string authToken)
{
    public const string Name = "greeting";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = call.Create(authToken);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return CheckResult.Fail(Name, "403: the app refused the signature; the token is not its Twilio auth token (Twilio:AuthToken), or BASE_URL is not its Twilio:PublicBaseUrl");
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return CheckResult.Fail(Name, $"{(int)response.StatusCode}: {GreetingTwiml.Shorten(body)}");
            }

            return GreetingTwiml.Problem(body, out var words) is { } problem
                ? CheckResult.Fail(Name, problem)
                : CheckResult.Pass(Name, $"signed call answered with a <Gather> for speech: \"{GreetingTwiml.Shorten(words)}\"");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return CheckResult.Fail(Name, $"POST {call.Url} failed: {ex.Message}");
        }
    }
}
