using System.Security.Cryptography;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.WebhookLoad;

/// <summary>
/// The request Twilio sends when a call comes in: POST /api/voice/incoming with the call's form fields and
/// X-Twilio-Signature over the public URL + path + fields. A fresh CallSid per request, so every one is a new call.
/// </summary>
public sealed class IncomingCallWebhook(LoadOptions options)
{
    public const string Path = "/api/voice/incoming";

    private readonly Uri _requestUri = new(options.Url.ToString().TrimEnd('/') + Path);
    private readonly string _signedUrl = options.PublicUrl.ToString().TrimEnd('/') + Path;
    private readonly string _accountSid = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public HttpRequestMessage Create()
    {
        KeyValuePair<string, string>[] fields =
        [
            new("CallSid", "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("AccountSid", _accountSid),
            new("From", options.From),
            new("To", options.To),
            new("CallStatus", "ringing"),
            new("Direction", "inbound"),
            new("ApiVersion", "2010-04-01"),
        ];

        var request = new HttpRequestMessage(HttpMethod.Post, _requestUri) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(options.Token, _signedUrl, fields));
        return request;
    }
}
