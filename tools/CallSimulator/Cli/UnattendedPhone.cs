using System.Globalization;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The phone when nobody sits at the terminal (<c>twilio</c> command, <c>tools/dev --serve</c>): every call the shop places
/// is logged with the app's time and rings out unanswered.
/// </summary>
public sealed class UnattendedPhone(SessionOutput output, TimeProvider time) : IOutboundPhone
{
    public ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        output.WriteLine($"{stamp} [call {ring.CallSid} from {ShortNumber.Of(ring.From)} to {ShortNumber.Of(ring.To)}: nobody answers]");
        return ValueTask.FromResult(PhoneAnswer.Nobody);
    }

    public Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Nobody answers this phone, so there is nothing to talk to.");
}
