using System.Globalization;
using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// Prints each text the Twilio stand-in accepted, once, as it is accepted: <c>[text to +1555…0101] Northside Auto Care: …</c>
/// (with the app's time first when <paramref name="stamped"/>, for a log). Fed from the stand-in's
/// <see cref="TwilioStandInOptions.OnAccepted"/>; <see cref="Attach"/> also prints what was accepted before the stand-in was known.
/// </summary>
public sealed class TextReport(SessionOutput output, TimeProvider time, bool stamped)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _printed = new(StringComparer.Ordinal);
    private TwilioStandIn? _twilio;

    public void Attach(TwilioStandIn twilio)
    {
        _twilio = twilio;
        PrintNew();
    }

    /// <summary>For <see cref="TwilioStandInOptions.OnAccepted"/>: a message or call was just accepted.</summary>
    public Task AcceptedAsync(string sid, CancellationToken cancellationToken)
    {
        PrintNew();
        return Task.CompletedTask;
    }

    private void PrintNew()
    {
        if (_twilio is not { } twilio)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var message in twilio.Messages.Where(m => _printed.Add(m.Sid)))
            {
                var stamp = stamped ? time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " " : string.Empty;
                output.WriteLine($"{stamp}[text to {ShortNumber.Of(message.To)}] {message.Body}");
            }
        }
    }
}
