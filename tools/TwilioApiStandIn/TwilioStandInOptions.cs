using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.TwilioApiStandIn;

/// <summary>How to start a <see cref="TwilioStandIn"/>.</summary>
public sealed record TwilioStandInOptions
{
    /// <summary>The account it serves (<c>AC</c> + 32 hex digits); a new one by default.</summary>
    public string AccountSid { get; init; } = Sids.New("AC");

    /// <summary>The account's auth token: Basic auth on the API, and the key that signs every webhook.</summary>
    public required string AuthToken { get; init; }

    /// <summary>
    /// The account's phone numbers (E.164), served as IncomingPhoneNumbers with no webhooks configured until an update
    /// sets them (as a number just bought). None by default.
    /// </summary>
    public IReadOnlyList<string> PhoneNumbers { get; init; } = [];

    /// <summary>Its clock for <c>date_created</c>, <c>date_sent</c>, <c>start_time</c> (give the app's fake clock in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Who answers outbound calls; by default nobody does.</summary>
    public IOutboundPhone Phone { get; init; } = NobodyAnswers.Instance;

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Real time between a call's progress steps (initiated, ringing, answered, completed). 0 (the default) sends
    /// them as fast as the app answers, faster than Twilio ever does.
    /// </summary>
    public TimeSpan ProgressDelay { get; init; }

    /// <summary>Sends the webhooks (status callbacks); a new one by default. Tests may give one on a stub handler.</summary>
    public HttpMessageHandler? WebhookHandler { get; init; }

    /// <summary>
    /// Called with the sid of each message or call just accepted and recorded, before its 201 is written: the moment
    /// when Twilio has the send and the app has not heard its sid (the crash tests kill the app here). None by default.
    /// </summary>
    public Func<string, CancellationToken, Task>? OnAccepted { get; init; }
}
