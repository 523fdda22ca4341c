namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// A change to a live call through <c>POST Calls/{CallSid}.json</c>: play <see cref="Twiml"/> now, or request
/// <see cref="Url"/> now (with <see cref="Method"/>), or hang up (<c>Status=completed</c>). What was playing stops.
/// </summary>
public sealed record LiveCallUpdate(LiveCallUpdateKind Kind, string? Url = null, string Method = "POST", string? Twiml = null)
{
    public static LiveCallUpdate HangUp { get; } = new(LiveCallUpdateKind.HangUp);

    public static LiveCallUpdate Redirect(string url, string method) => new(LiveCallUpdateKind.Redirect, Url: url, Method: method);

    public static LiveCallUpdate Play(string twiml) => new(LiveCallUpdateKind.Twiml, Twiml: twiml);
}
