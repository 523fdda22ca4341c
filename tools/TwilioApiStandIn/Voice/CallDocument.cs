namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// Where a call's next TwiML comes from: a webhook to request (<see cref="Url"/>, <see cref="Method"/>, the form
/// <see cref="Fields"/>) or TwiML given inline (<see cref="Twiml"/>, the <c>Twiml</c> parameter).
/// </summary>
public sealed record CallDocument(string? Url, string Method, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Twiml = null)
{
    public static CallDocument Inline(string twiml) => new(null, "POST", [], twiml);
}
