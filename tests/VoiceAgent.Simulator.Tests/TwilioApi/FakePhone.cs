using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.Simulator.Tests.TwilioApi;

/// <summary>A phone answering every call the same way; an answered call lasts <paramref name="talkTime"/> and records what it was handed.</summary>
internal sealed class FakePhone(PhoneAnswer answer, TimeSpan talkTime) : IOutboundPhone
{
    public List<OutboundRing> Rings { get; } = [];
    public List<AnsweredCall> Answered { get; } = [];

    public ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken)
    {
        Rings.Add(ring);
        return ValueTask.FromResult(answer);
    }

    public Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken)
    {
        Answered.Add(call);
        return Task.FromResult(new PhoneConversation(talkTime, ["Agent: Hello."]));
    }
}
