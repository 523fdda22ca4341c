using System.Net;
using System.Security.Cryptography;

namespace VoiceAgent.Smoke.Checks;

/// <summary>
/// <c>forged-signature</c>: the same incoming call signed with a token that is not the app's is refused with 403 (and,
/// the app's promise, nothing read or written). Any other answer means the app does not check signatures.
/// </summary>
public sealed class ForgedSignatureCheck(HttpClient http, SignedIncomingCall call)
{
    public const string Name = "forged-signature";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = call.Create(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode == HttpStatusCode.Forbidden
                ? CheckResult.Pass(Name, "a call signed with another token got 403")
                : CheckResult.Fail(Name, $"a call signed with another token got {(int)response.StatusCode}, not 403: the app does not check X-Twilio-Signature");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return CheckResult.Fail(Name, $"POST {call.Url} failed: {ex.Message}");
        }
    }
}
