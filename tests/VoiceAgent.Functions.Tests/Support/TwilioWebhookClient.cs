using VoiceAgent.TwilioSigning;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>Posts voice webhooks the way Twilio does: form-encoded and signed over the public URL.</summary>
public sealed class TwilioWebhookClient(HttpClient http, string authToken)
{
    public const string ShopNumber = "+15555550100";
    public const string JohnSmith = "+15555550101";

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    public static Dictionary<string, string> CallFields(string callSid, string from = JohnSmith, string to = ShopNumber) => new()
    {
        ["CallSid"] = callSid,
        ["AccountSid"] = "AC" + new string('0', 32),
        ["From"] = from,
        ["To"] = to,
        ["CallStatus"] = "in-progress",
        ["Direction"] = "inbound",
        ["ApiVersion"] = "2010-04-01",
    };

    public Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields, string? signature = null, string? idempotencyToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature ?? Sign(path, fields));
        if (idempotencyToken is not null)
        {
            request.Headers.Add("I-Twilio-Idempotency-Token", idempotencyToken);
        }

        return http.SendAsync(request);
    }

    /// <summary>
    /// A whole inbound call: the incoming webhook, each of <paramref name="lines"/> as a turn's <c>SpeechResult</c>, then
    /// Twilio's final status callback (<c>completed</c>, <paramref name="durationSeconds"/>); each must succeed. Returns
    /// the call's sid.
    /// </summary>
    public async Task<string> PlayCallAsync(IReadOnlyList<string> lines, string from = JohnSmith, string to = ShopNumber, int durationSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var callSid = NewCallSid();
        (await PostAsync("/api/voice/incoming", CallFields(callSid, from, to))).EnsureSuccessStatusCode();
        foreach (var line in lines)
        {
            (await PostAsync("/api/voice/turn", new Dictionary<string, string>(CallFields(callSid, from, to)) { ["SpeechResult"] = line })).EnsureSuccessStatusCode();
        }

        var status = new Dictionary<string, string>(CallFields(callSid, from, to)) { ["CallStatus"] = "completed", ["CallDuration"] = durationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        (await PostAsync("/api/voice/status", status)).EnsureSuccessStatusCode();
        return callSid;
    }

    /// <summary>A body Twilio never sends to a voice webhook, signed validly (URL only, no form parameters).</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Twilio-Signature", Sign(path, new Dictionary<string, string>()));
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostUnsignedAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        http.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>Twilio's <c>X-Twilio-Signature</c> for a POST of <paramref name="fields"/> to <paramref name="path"/> (with its query) on the public URL.</summary>
    public string Sign(string path, IReadOnlyDictionary<string, string> fields) =>
        TwilioSignature.Compute(authToken, FunctionsApp.PublicBaseUrl + path, fields);
}
