using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>call --url URL --token TOKEN [--from N] [--to N] [--public-url URL]</c>: one call against a running app,
/// with a person (or a pipe) as the caller. Prints <c>Agent: …</c> lines and the call's events.
/// </summary>
public static class InteractiveCommand
{
    public const string DefaultFrom = "+15555550101";
    public const int MaxAgentTurns = 200;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken hangUp)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandArguments.Parse(args, "--url", "--token", "--from", "--to", "--public-url");
        if (parsed.Positional.Count > 0)
        {
            throw new ArgumentException($"Unexpected argument '{parsed.Positional[0]}'.");
        }

        var url = AbsoluteUrl(parsed.Require("--url"), "--url");
        var publicUrl = parsed.Get("--public-url") is { } raw ? AbsoluteUrl(raw, "--public-url") : url;
        var from = Number(parsed.Get("--from") ?? DefaultFrom, "--from");
        var to = Number(parsed.Get("--to") ?? DemoTenant.Number, "--to");

        var typing = !Console.IsInputRedirected && ReferenceEquals(input, Console.In);
        var call = CallIdentity.NewInbound(from, to);
        await output.WriteLineAsync($"Calling {to} from {from} (CallSid {call.CallSid}).");
        await output.WriteLineAsync(typing ? "Type what the caller says; an empty line is silence; Ctrl-D or Ctrl-C hangs up." : "Reading the caller's lines from standard input.");

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new TwilioWebhookClient(http, url, publicUrl, parsed.Require("--token"));
        var options = new SimulatedCallOptions
        {
            MaxAgentTurns = MaxAgentTurns,
            // At a keyboard the person already sees what they typed; from a pipe, echo it so the transcript reads whole.
            OnLine = line =>
            {
                if (!typing || line.Speaker != TranscriptSpeaker.Caller)
                {
                    output.WriteLine(line.ToString());
                }
            },
        };

        var result = await new SimulatedCall(client, new ConsoleCaller(input, typing ? output : null, hangUp), TimeProvider.System, options)
            .RunAsync(call, CancellationToken.None);
        // The transcript already ends with what happened ("[call failed: …]" on an error).
        return result.Failed ? 1 : 0;
    }

    private static Uri AbsoluteUrl(string value, string option) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"{option} must be an http(s) URL, not '{value}'.");

    private static string Number(string value, string option) =>
        PhoneNumber.TryParse(value, "US", out var number) ? number.E164 : throw new ArgumentException($"{option} must be a phone number, not '{value}'.");
}
