using VoiceAgent.Smoke.Checks;
using VoiceAgent.Smoke.Cli;
using VoiceAgent.Smoke.Twilio;

namespace VoiceAgent.Smoke;

/// <summary>
/// <c>tools/smoke BASE_URL [--token T | --key-vault NAME] [--number E164] [--realtime URL] [--twilio-account-sid AC…]
/// [--twilio-auth-token T] [--twilio-api-url URL]</c>: checks a deployed app from outside, one PASS/FAIL/SKIP line per
/// check; exit 0 when none failed, 1 when one did, 2 on bad arguments.
/// </summary>
public static class SmokeCommand
{
    public const string DemoNumber = "+15555550100";
    private static readonly string[] Options = ["--token", "--key-vault", "--number", "--realtime", "--twilio-account-sid", "--twilio-auth-token", "--twilio-api-url"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = CommandLine.Parse(args, Options, []);
        if (line.Positional.Count != 1)
        {
            throw new UsageException("Give the app's public base URL: tools/smoke https://<function app>.azurewebsites.net --token ... (try --help).");
        }

        var app = DeploymentWebhooks.For(line.Positional[0]);
        var number = E164(line.Get("--number") ?? DemoNumber);
        var token = line.Get("--token") ?? (line.Get("--key-vault") is { } vault ? await KeyVaultAuthToken.ReadAsync(vault, cancellationToken) : null)
            ?? throw new UsageException("Give the app's Twilio auth token: --token TOKEN, or --key-vault NAME to read it from the app's Key Vault.");
        var realtime = line.Get("--realtime") is { } raw
            ? Uri.TryCreate(raw, UriKind.Absolute, out var host) && host.Scheme is "http" or "https" or "ws" or "wss" ? host : throw new UsageException($"--realtime is the real-time host's base URL (got '{raw}').")
            : null;
        var twilio = Credentials(line, token);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var call = new SignedIncomingCall(app, number, twilio?.AccountSid ?? "AC" + new string('0', 32));
        output.WriteLine($"Smoke test of {app.Base} (the shop's number {number}, calling as the reserved test caller):");
        var results = new List<CheckResult>
        {
            await new HealthCheck(http, app).RunAsync(cancellationToken),
            await new GreetingCheck(http, call, token).RunAsync(cancellationToken),
            await new ForgedSignatureCheck(http, call).RunAsync(cancellationToken),
            await new RealtimeHealthCheck(http, realtime).RunAsync(cancellationToken),
            await new TwilioNumberCheck(twilio, app, number).RunAsync(cancellationToken),
        };
        foreach (var result in results)
        {
            output.WriteLine(result.Line);
        }

        var failed = results.Count(r => r.Verdict == CheckVerdict.Fail);
        output.WriteLine(failed == 0 ? "smoke: all checks passed" : $"smoke: {failed} check(s) failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The Twilio account to ask about the number: options, else the environment; its token defaults to the webhook token (the same account's).</summary>
    private static TwilioCredentials? Credentials(CommandLine line, string webhookToken)
    {
        var sid = line.Get("--twilio-account-sid") ?? Environment.GetEnvironmentVariable(TwilioCredentials.AccountSidVariable);
        if (string.IsNullOrWhiteSpace(sid))
        {
            return null;
        }

        var token = line.Get("--twilio-auth-token") ?? NonEmpty(Environment.GetEnvironmentVariable(TwilioCredentials.AuthTokenVariable)) ?? webhookToken;
        return new TwilioCredentials(TwilioCredentials.CheckedAccountSid(sid), token, TwilioCredentials.CheckedApiBaseUrl(line.Get("--twilio-api-url")));
    }

    public static string E164(string number) =>
        number.Length is >= 8 and <= 16 && number[0] == '+' && number[1..].All(char.IsAsciiDigit) && number[1] != '0'
            ? number
            : throw new UsageException($"A phone number is E.164, e.g. +15555550100 (got '{number}').");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
