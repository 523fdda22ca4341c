using Twilio.Exceptions;
using VoiceAgent.Smoke.Cli;
using VoiceAgent.Smoke.Twilio;

namespace VoiceAgent.Smoke;

/// <summary>
/// <c>tools/twilio-webhooks --app-url URL [--set] [--twilio-api-url URL] NUMBER...</c>: prints the Twilio console's voice
/// and messaging settings for each number; with <c>--set</c> (and <c>TWILIO_ACCOUNT_SID</c>, <c>TWILIO_AUTH_TOKEN</c>) sets
/// them on the number through Twilio's API. Exit 0 when every number was printed (and set), 1 when one could not be set,
/// 2 on bad arguments. The azd postprovision hook calls it with exactly this interface.
/// </summary>
public static class WebhooksCommand
{
    private static readonly string[] Options = ["--app-url", "--twilio-api-url"];
    private static readonly string[] Flags = ["--set"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = CommandLine.Parse(args, Options, Flags);
        var app = DeploymentWebhooks.For(line.Get("--app-url") ?? throw new UsageException("Give --app-url https://<function app>.azurewebsites.net (try --help)."));
        if (line.Positional.Count == 0)
        {
            throw new UsageException("Give at least one phone number (E.164), e.g. +15555550100.");
        }

        var numbers = line.Positional.Select(SmokeCommand.E164).ToList();
        var credentials = line.Has("--set") ? Credentials(line) : null;
        foreach (var number in numbers)
        {
            Print(output, number, app);
        }

        if (credentials is null)
        {
            return 0;
        }

        using var twilio = new TwilioAccountClient(credentials);
        var webhooks = new NumberWebhooks(twilio);
        var failed = 0;
        foreach (var number in numbers)
        {
            try
            {
                if (await webhooks.FindAsync(number, cancellationToken) is not { } found)
                {
                    output.WriteLine($"FAIL set {number}: the Twilio account {credentials.AccountSid} has no such number");
                    failed++;
                    continue;
                }

                var updated = await webhooks.SetAsync(found, app, cancellationToken);
                var left = NumberWebhooks.Differences(updated, app);
                output.WriteLine(left.Count == 0
                    ? $"SET {number} ({updated.Sid}): voice, fallback, status callback and SMS webhooks now point at {app.Base}"
                    : $"FAIL set {number} ({updated.Sid}): Twilio kept {string.Join("; ", left)}");
                failed += left.Count == 0 ? 0 : 1;
            }
            catch (ApiException ex)
            {
                output.WriteLine($"FAIL set {number}: {NumberWebhooks.Explain(ex)}");
                failed++;
            }
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>The Twilio console's Voice and Messaging configuration of <paramref name="number"/> for <paramref name="app"/>.</summary>
    private static void Print(TextWriter output, string number, DeploymentWebhooks app)
    {
        output.WriteLine($"Twilio console → Phone Numbers → {number} → Voice Configuration (Webhook):");
        output.WriteLine($"  A call comes in (HTTP POST):        {app.VoiceUrl}");
        output.WriteLine($"  Primary handler fails (HTTP POST):  {app.FallbackUrl}");
        output.WriteLine($"  Call status changes (HTTP POST):    {app.StatusCallbackUrl}");
        output.WriteLine($"  Messaging: A message comes in (HTTP POST): {app.SmsUrl}");
    }

    private static TwilioCredentials Credentials(CommandLine line)
    {
        var sid = Environment.GetEnvironmentVariable(TwilioCredentials.AccountSidVariable);
        var token = Environment.GetEnvironmentVariable(TwilioCredentials.AuthTokenVariable);
        if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(token))
        {
            throw new UsageException($"--set needs the Twilio account: export {TwilioCredentials.AccountSidVariable} and {TwilioCredentials.AuthTokenVariable}.");
        }

        return new TwilioCredentials(TwilioCredentials.CheckedAccountSid(sid), token, TwilioCredentials.CheckedApiBaseUrl(line.Get("--twilio-api-url")));
    }
}
