namespace VoiceAgent.Core.Telephony.Twiml;

public sealed record SayOptions(string? Voice = null, string? Language = null, int? Loop = null);
