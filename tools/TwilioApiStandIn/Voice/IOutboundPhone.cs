namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// The callee's phone for calls the app places (<c>POST Calls.json</c>). The stand-in rings it, sends the status
/// callbacks for what happens, and for an answered call hands it the line: the phone plays the call's TwiML (the call
/// simulator does, with its TwiML reader) until the call ends.
/// </summary>
public interface IOutboundPhone
{
    /// <summary>The phone rings: who (or what) picks up, or that nobody does, or that the line is busy.</summary>
    ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken);

    /// <summary>
    /// The call was answered: request <see cref="AnsweredCall.Start"/> as Twilio does (signed, with
    /// <c>AnsweredBy</c> when machine detection is on) and play the TwiML until it ends, taking
    /// <see cref="AnsweredCall.TakeUpdate"/> between steps. Never throws for a failing app: report it in the result.
    /// </summary>
    Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken);
}
