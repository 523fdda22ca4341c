using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>twilio --port P --account-sid AC… [--token T] [--route PUBLIC=TARGET] [--app URL] [--numbers E164,E164]</c>: the Twilio stand-in as a process
/// of its own, for an app with nobody at a terminal (<c>tools/dev --serve</c>). The token (else <c>TWILIO_AUTH_TOKEN</c>)
/// is the account's: Basic auth on the API and the key that signs its webhooks; <c>--route</c> sends webhooks for the
/// app's public URL to where it listens; <c>--app</c> is the app whose clock the stand-in keeps (read from its local
/// host's <c>/admin/host/clock</c>); <c>--numbers</c> are the account's phone numbers (IncomingPhoneNumbers, webhooks unset). Every text and call is logged, with the app's time; nobody answers the calls. Runs until stopped.
/// </summary>
public static class TwilioCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandArguments.Parse(args, "--port", "--account-sid", "--token", "--route", "--app", "--numbers");
        if (parsed.Positional.Count > 0)
        {
            throw new ArgumentException($"Unexpected argument '{parsed.Positional[0]}'.");
        }

        var port = CommandValues.Port(parsed.Require("--port"), "--port");
        var accountSid = CommandValues.AccountSid(parsed.Require("--account-sid"), "--account-sid");
        var token = parsed.Get("--token") ?? Environment.GetEnvironmentVariable("TWILIO_AUTH_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("Give the account's auth token: --token or TWILIO_AUTH_TOKEN.");
        }

        var route = parsed.Get("--route") is { } raw ? Route(raw) : ((Uri Public, Uri Target)?)null;
        var numbers = (parsed.Get("--numbers") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var app = parsed.Get("--app") is { } appUrl ? CommandValues.AbsoluteUrl(appUrl, "--app") : null;

        var log = new SessionOutput(TextWriter.Synchronized(output), showPrompts: false);
        using var http = new HttpClient();
        TimeProvider time = app is null ? TimeProvider.System : new FollowedClock(new AppClock(http, app));
        var texts = new TextReport(log, time, stamped: true);
        await using var twilio = await TwilioStandIn.StartAsync(new TwilioStandInOptions
        {
            AccountSid = accountSid,
            AuthToken = token,
            Port = port,
            Phone = new UnattendedPhone(log, time),
            Time = time,
            OnAccepted = texts.AcceptedAsync,
            PhoneNumbers = numbers,
        }, stop);
        texts.Attach(twilio);
        if (route is { } r)
        {
            twilio.RouteWebhooks(r.Public, r.Target);
        }

        log.WriteLine($"Twilio stand-in at {twilio.BaseUrl} for account {accountSid}; texts and calls are logged here, and nobody answers the calls.");
        await Task.Delay(Timeout.Infinite, stop);
        return 0;
    }

    private static (Uri Public, Uri Target) Route(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (CommandValues.AbsoluteUrl(value[..equals], "--route"), CommandValues.AbsoluteUrl(value[(equals + 1)..], "--route"))
            : throw new ArgumentException($"--route is PUBLIC-URL=TARGET-URL, not '{value}'.");
    }
}
