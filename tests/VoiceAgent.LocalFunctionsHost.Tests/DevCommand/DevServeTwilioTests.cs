using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceAgent.CallSimulator.Cli;

namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// Serve mode's Twilio: with nobody at a terminal the Twilio stand-in runs as a process of its own, the app reaches it
/// over HTTP only (READY names it), and every text and call it receives is logged to twilio.log, where the calls ring out.
/// </summary>
[Collection(DevCommandCollection.Name)]
public sealed class DevServeTwilioTests : IAsyncLifetime
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(30);
    private readonly string _logs = Directory.CreateTempSubdirectory("dev-serve-").FullName;
    /// <summary>
    /// Moving the clock two hours runs every timer occurrence it passes (a reminder sweep each 5 minutes) before it
    /// answers; on a 2-core machine running other stacks at once that took past HttpClient's default 100 s.
    /// </summary>
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private DevServe? _serve;

    private DevServe Serve => _serve ?? throw new InvalidOperationException("tools/dev --serve did not start.");

    private string TwilioLog => Path.Combine(_logs, "twilio.log");

    public async Task InitializeAsync() =>
        _serve = await DevServe.StartAsync("--no-build", "--logs", _logs, "--clock", "2026-12-01T09:15:00-06:00");

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        Directory.Delete(_logs, recursive: true);
    }

    [Fact]
    public async Task Serve_BookingThenClockPastTheReminder_StandInProcessLogsTheTextAndTheUnansweredCall()
    {
        // READY names the stand-in, which answers for the account with the run's token only.
        var ready = Serve.Ready;
        var api = ready.GetProperty("twilioApi").GetString()!;
        var account = ready.GetProperty("accountSid").GetString()!;
        var token = ready.GetProperty("authToken").GetString()!;
        Assert.StartsWith("http://127.0.0.1:", api, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ListMessagesAsync(api, account, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ListMessagesAsync(api, account, "not-the-token")).StatusCode);

        // A call (the simulator with no stand-in of its own) books for tomorrow at 11: the app texts through the stand-in process.
        using var input = new StringReader("Hi, can I get an oil change tomorrow at 11 in the morning?\nyes\nno that's all, thanks\n/hangup\n");
        await using var transcript = new StringWriter();
        var exit = await InteractiveCommand.RunAsync(
            ["--url", Serve.Functions, "--token", token, "--public-url", ready.GetProperty("publicUrl").GetString()!],
            input,
            transcript,
            CancellationToken.None);
        Assert.True(exit == 0, transcript.ToString());
        var text = await WaitForLogAsync(l => l.Contains("[text to +1555…0101] ", StringComparison.Ordinal));
        Assert.Contains("oil change", text, StringComparison.OrdinalIgnoreCase);

        // Past the reminder's due time (11:00 today) the reminder call reaches the stand-in, logged at the app's time, and rings out.
        var moved = await _http.PostAsync(new Uri(Serve.Functions + "/admin/host/clock?to=" + Uri.EscapeDataString("2026-12-01T11:05:00-06:00")), content: null);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var call = await WaitForLogAsync(l => l.Contains("to +1555…0101: nobody answers]", StringComparison.Ordinal));
        Assert.StartsWith("2026-12-01T17:0", call, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ListMessagesAsync(string api, string account, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{api}/2010-04-01/Accounts/{account}/Messages.json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account}:{token}")));
        return _http.SendAsync(request);
    }

    /// <summary>The first twilio.log line that <paramref name="matches"/>, waiting (real time, bounded) for the stand-in to write it.</summary>
    private async Task<string> WaitForLogAsync(Func<string, bool> matches)
    {
        var started = TimeProvider.System.GetTimestamp();
        string[] lines = [];
        while (TimeProvider.System.GetElapsedTime(started) < LogWait)
        {
            lines = File.Exists(TwilioLog) ? await File.ReadAllLinesAsync(TwilioLog) : [];
            if (lines.FirstOrDefault(matches) is { } line)
            {
                return line;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"twilio.log has no such line after {LogWait}:\n{string.Join('\n', lines)}");
    }
}
