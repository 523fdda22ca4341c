namespace VoiceAgent.CallSimulator.Twiml;

/// <summary><c>&lt;Redirect method&gt;url&lt;/Redirect&gt;</c>: fetch the next document from <see cref="Url"/> (may be relative).</summary>
public sealed record RedirectVerb(string Url, string Method = "POST") : TwimlVerb;
