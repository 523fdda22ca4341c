using System.Globalization;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>call --url URL --token TOKEN [--from N] [--to N] [--public-url URL] [--twilio-port P --account-sid AC…] [--zone TZ]
/// [--realtime-url URL [--realtime-public-url URL] [--staff-token T --speech-port P --speech-key K]]</c>:
/// a person (or a pipe) calls a running app, and stays between calls to move its clock and take the shop's calls
/// (<see cref="InteractiveSession"/>). With <c>--twilio-port</c> the Twilio stand-in runs in this process on that port (the
/// app's <c>Twilio:ApiBaseUrl</c>) for the account <c>--account-sid</c>, signing with the token: texts to anyone are
/// printed as they arrive and calls to <c>--from</c> ring here. <c>--realtime-url</c> is where the real-time host listens, for
/// a shop on ConversationRelay or Media Streams (its public name, which TwiML gives, defaults to the same). On a Media
/// Stream your typed lines are spoken (flite) into the stream, and the host recognizes them through the Speech stand-in,
/// which runs in this process on <c>--speech-port</c> with <c>--speech-key</c> (the host's <c>Speech:Endpoint</c> and
/// <c>Speech:Key</c>) and is told each line; the agent's words are read from the live call events with <c>--staff-token</c>.
/// </summary>
public static class InteractiveCommand
{
    public const string DefaultFrom = "+15555550101";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken hangUp)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandArguments.Parse(args, "--url", "--token", "--from", "--to", "--public-url", "--twilio-port", "--account-sid", "--zone", "--realtime-url", "--realtime-public-url", "--staff-token", "--speech-port", "--speech-key");
        if (parsed.Positional.Count > 0)
        {
            throw new ArgumentException($"Unexpected argument '{parsed.Positional[0]}'.");
        }

        var url = CommandValues.AbsoluteUrl(parsed.Require("--url"), "--url");
        var speechPort = parsed.Get("--speech-port") is { } speechListen ? CommandValues.Port(speechListen, "--speech-port") : (int?)null;
        await using var speech = speechPort is { } listenForSpeech
            ? await SpeechServiceStandIn.StartAsync(new SpeechStandInOptions { Port = listenForSpeech, Key = parsed.Require("--speech-key") }, hangUp)
            : null;
        var settings = new SessionSettings(
            url,
            parsed.Get("--public-url") is { } raw ? CommandValues.AbsoluteUrl(raw, "--public-url") : url,
            parsed.Require("--token"),
            Number(parsed.Get("--from") ?? DefaultFrom, "--from"),
            Number(parsed.Get("--to") ?? DemoTenant.Number, "--to"),
            parsed.Get("--account-sid") is { } sid ? CommandValues.AccountSid(sid, "--account-sid") : null,
            Zone(parsed.Get("--zone") ?? DemoTenant.Profile.TimeZoneId))
        {
            Realtime = parsed.Get("--realtime-url") is { } realtime
                ? new RealtimeEndpoint(
                    CommandValues.AbsoluteUrl(parsed.Get("--realtime-public-url") ?? realtime, "--realtime-public-url"),
                    CommandValues.AbsoluteUrl(realtime, "--realtime-url"),
                    parsed.Require("--token"))
                {
                    Speech = speech,
                    StaffToken = parsed.Get("--staff-token"),
                }
                : null,
        };
        var twilioPort = parsed.Get("--twilio-port") is { } port ? CommandValues.Port(port, "--twilio-port") : (int?)null;
        if (twilioPort is not null && settings.AccountSid is null)
        {
            throw new ArgumentException("--twilio-port needs --account-sid (the account the app's Twilio SDK uses).");
        }

        var keyboard = !Console.IsInputRedirected && ReferenceEquals(input, Console.In);
        var screen = new SessionOutput(TextWriter.Synchronized(output), showPrompts: keyboard);
        var lines = ConsoleLines.Start(input, terminal: keyboard);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var appClock = new AppClock(http, url);
        var followed = new FollowedClock(appClock);
        var phone = new ConsolePhone(settings.From, screen);
        var texts = new TextReport(screen, followed, stamped: false);
        await using var twilio = twilioPort is { } listen
            ? await TwilioStandIn.StartAsync(new TwilioStandInOptions
            {
                AccountSid = settings.AccountSid!,
                AuthToken = settings.AuthToken,
                Port = listen,
                Phone = phone,
                Time = followed,
                OnAccepted = texts.AcceptedAsync,
            }, hangUp)
            : null;
        if (twilio is not null)
        {
            twilio.RouteWebhooks(settings.PublicUrl, settings.AppUrl);
            texts.Attach(twilio);
        }

        var clock = new ClockControl(appClock, screen, settings.Shop);
        return await new InteractiveSession(settings, lines, screen, http, clock, phone, twilio, hangUp).RunAsync();
    }

    private static string Number(string value, string option) =>
        PhoneNumber.TryParse(value, "US", out var number) ? number.E164 : throw new ArgumentException($"{option} must be a phone number, not '{value}'.");

    private static TenantTime Zone(string id)
    {
        try
        {
            return TenantTime.For(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--zone must be a time zone id such as America/Chicago, not '{id}'."), ex);
        }
    }
}
