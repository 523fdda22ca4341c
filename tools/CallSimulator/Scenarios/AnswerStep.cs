using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// <c>answer: {by, caller}</c>: how the next call the shop places to <c>from</c> is answered. Answer steps form a queue
/// that successive calls to <c>from</c> consume, wherever the step stands among the clock steps.
/// </summary>
public sealed record AnswerStep(PhonePickup By, IReadOnlyList<string> Caller) : ScenarioStep
{
    public PhoneAnswer ToPhoneAnswer() => By == PhonePickup.Person ? PhoneAnswer.Person(Caller) : new PhoneAnswer(By);
}
