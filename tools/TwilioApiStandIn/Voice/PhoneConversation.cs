namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// How an answered call went, as the phone reports it: how long it took (<see cref="TalkTime"/>: speech, pauses and
/// listening as simulated), what was said, and why it failed (a webhook error, TwiML Twilio could not play) or null.
/// </summary>
public sealed record PhoneConversation(TimeSpan TalkTime, IReadOnlyList<string> Transcript, string? Error = null);
