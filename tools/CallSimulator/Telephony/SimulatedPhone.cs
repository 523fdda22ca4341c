using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// The callee's phone for the calls the app places through the Twilio stand-in: <paramref name="answer"/> decides who
/// picks up; an answered call is played by <see cref="SimulatedCall"/> from the call's first document, the way inbound
/// calls are, with a person saying their lines at each gather and a machine saying nothing.
/// </summary>
public sealed class SimulatedPhone(HttpClient http, Func<OutboundRing, PhoneAnswer> answer, int maxAgentTurns = SimulatedPhone.DefaultMaxAgentTurns) : IOutboundPhone
{
    public const int DefaultMaxAgentTurns = 15;

    public ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken) => ValueTask.FromResult(answer(ring));

    public async Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var client = new TwilioWebhookClient(http, call.TargetBaseUrl, call.PublicBaseUrl, call.AuthToken);
        var listener = new ScriptedCaller(call.Answer.By == PhonePickup.Person ? call.Answer.Says : []);
        var options = new SimulatedCallOptions { MaxAgentTurns = maxAgentTurns, SendStatusCallback = false, TakeUpdate = call.TakeUpdate };
        var identity = new CallIdentity(call.CallSid, call.AccountSid, call.From, call.To, "outbound-api");
        var result = await new SimulatedCall(client, listener, TimeProvider.System, options).RunAsync(identity, call.Start, cancellationToken);
        var answered = new TranscriptLine(TranscriptSpeaker.Event, $"answered by a {call.Answer.By.ToString().ToLowerInvariant()}{(call.AnsweredBy is { } by ? $" (AnsweredBy={by})" : string.Empty)}");
        return new PhoneConversation(result.TalkTime, [answered.ToString(), .. result.Transcript.Select(l => l.ToString())], result.Error);
    }
}
