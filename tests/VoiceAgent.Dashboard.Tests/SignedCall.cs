using System.Globalization;
using System.Text.Json;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.Dashboard.Tests;

/// <summary>
/// A phone call into the stack tools/dev serves, as Twilio makes it: the incoming webhook, one turn per caller line,
/// then the final status callback, each form-encoded and signed over the public URL with the run's auth token.
/// </summary>
internal sealed class SignedCall(HttpClient http, JsonElement ready, string from)
{
    public string CallSid { get; } = "CA" + Guid.NewGuid().ToString("N");

    public Task<string> StartAsync() => PostAsync("/api/voice/incoming", []);

    public Task<string> SayAsync(string line) => PostAsync("/api/voice/turn", new() { ["SpeechResult"] = line, ["Confidence"] = "0.93" });

    public Task<string> EndAsync(int seconds) =>
        PostAsync("/api/voice/status", new() { ["CallStatus"] = "completed", ["CallDuration"] = seconds.ToString(CultureInfo.InvariantCulture) });

    private async Task<string> PostAsync(string path, Dictionary<string, string> extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = CallSid,
            ["AccountSid"] = ready.GetProperty("accountSid").GetString()!,
            ["From"] = from,
            ["To"] = ready.GetProperty("tenantNumber").GetString()!,
            ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound",
            ["ApiVersion"] = "2010-04-01",
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        var publicUrl = ready.GetProperty("publicUrl").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, ready.GetProperty("functions").GetString() + path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(ready.GetProperty("authToken").GetString()!, publicUrl + path, fields));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
