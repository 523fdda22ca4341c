using System.Net;
using System.Text.Json;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// The run command's serve mode (<c>tools/dev --serve</c>): the READY line a developer or load driver reads, a correctly
/// signed call from the demo customer greeted by name, a shop applied with <c>--tenants</c> answering its own number, a
/// wrongly signed one refused, and Ctrl-C stopping everything.
/// One stack for the class: it takes a build and an Azurite start.
/// </summary>
[Collection(DevCommandCollection.Name)]
public sealed class DevServeTests : IAsyncLifetime
{
    private const string JohnSmith = "+15555550101";
    private DevServe? _serve;
    private readonly HttpClient _http = new();

    private DevServe Serve => _serve ?? throw new InvalidOperationException("tools/dev --serve did not start.");

    public async Task InitializeAsync() => _serve = await DevServe.StartAsync("--tenants", "tests/tenants/lakeside-tire.yaml");

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }
    }

    [Fact]
    public async Task Serve_ReadyLineThenSignedCallThenCtrlC_BehavesAsDocumented()
    {
        // READY names the local stack.
        var ready = Serve.Ready;
        Assert.StartsWith("http://127.0.0.1:", Serve.Functions, StringComparison.Ordinal);
        Assert.Equal("+15555550100", ready.GetProperty("tenantNumber").GetString());
        Assert.Equal(JsonValueKind.String, ready.GetProperty("authToken").ValueKind);
        Assert.Equal(Serve.Functions + "/api/dashboard", ready.GetProperty("dashboard").GetString()); // the staff dashboard

        // The real-time host runs beside the app: READY gives its WebSocket base, and it answers its health check.
        var realtime = ready.GetProperty("realtime").GetString()!;
        Assert.StartsWith("ws://127.0.0.1:", realtime, StringComparison.Ordinal);
        var realtimeHealth = await _http.GetAsync(new Uri(realtime.Replace("ws://", "http://", StringComparison.Ordinal) + "/healthz"));
        Assert.Equal(HttpStatusCode.OK, realtimeHealth.StatusCode);

        // A correctly signed incoming call from the demo customer is greeted by name.
        var greeting = await PostIncomingAsync(signWith: ready.GetProperty("authToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, greeting.StatusCode);
        Assert.Contains("Thanks for calling Northside Auto Care, John.", await greeting.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The profile given with --tenants was applied beside the demo shop: its number reaches it.
        var lakeside = await PostIncomingAsync(signWith: ready.GetProperty("authToken").GetString()!, to: "+15555550301");
        Assert.Contains("Lakeside Tire and Brake", await lakeside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("DefaultEndpointsProtocol=http;", ready.GetProperty("storage").GetString(), StringComparison.Ordinal);

        // One signed with another token is refused.
        var forged = await PostIncomingAsync(signWith: "not-the-token");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // Ctrl-C stops tools/dev and every process it started.
        var started = Serve.Descendants();
        Assert.NotEmpty(started);
        var exitCode = await Serve.InterruptAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(130, exitCode);
        Assert.DoesNotContain(started, DevServe.IsAlive);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri(Serve.Functions + "/api/health")));
    }

    private Task<HttpResponseMessage> PostIncomingAsync(string signWith, string? to = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC" + new string('0', 32),
            ["From"] = JohnSmith,
            ["To"] = to ?? Serve.Ready.GetProperty("tenantNumber").GetString()!,
            ["CallStatus"] = "ringing",
            ["Direction"] = "inbound",
            ["ApiVersion"] = "2010-04-01",
        };
        var publicUrl = Serve.Ready.GetProperty("publicUrl").GetString()!;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Serve.Functions + "/api/voice/incoming")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(signWith, publicUrl + "/api/voice/incoming", fields));
        return _http.SendAsync(request);
    }
}
