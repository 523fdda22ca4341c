namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>The phone when none is given: every outbound call rings out unanswered.</summary>
public sealed class NobodyAnswers : IOutboundPhone
{
    public static NobodyAnswers Instance { get; } = new();

    public ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken) => ValueTask.FromResult(PhoneAnswer.Nobody);

    public Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Nobody answers, so there is nothing to talk to.");
}
