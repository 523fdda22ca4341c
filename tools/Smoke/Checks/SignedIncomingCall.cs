using System.Security.Cryptography;
using VoiceAgent.Core.Calls;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.Smoke.Checks;

/// <summary>
/// The inbound voice webhook Twilio sends when a call comes in (<c>POST /api/voice/incoming</c>, form-encoded), from the
/// reserved test caller (<see cref="SmokeTestCaller"/>) to the shop's number, signed as Twilio signs it:
/// <c>X-Twilio-Signature</c> over the public URL and the sorted form parameters (HMAC-SHA1 with the auth token).
/// </summary>
public sealed class SignedIncomingCall(DeploymentWebhooks app, string shopNumber, string accountSid)
{
    /// <summary>Where it is posted, and the URL it is signed over.</summary>
    public string Url => app.VoiceUrl;

    /// <summary>A new request with a new call sid, signed with <paramref name="authToken"/>.</summary>
    public HttpRequestMessage Create(string authToken)
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["AccountSid"] = accountSid,
            ["From"] = SmokeTestCaller.Number,
            ["Caller"] = SmokeTestCaller.Number,
            ["To"] = shopNumber,
            ["Called"] = shopNumber,
            ["CallStatus"] = "ringing",
            ["Direction"] = "inbound",
            ["ApiVersion"] = "2010-04-01",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, app.VoiceUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(authToken, app.VoiceUrl, fields));
        return request;
    }
}
