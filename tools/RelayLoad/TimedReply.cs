namespace VoiceAgent.RelayLoad;

/// <summary>One reply as Twilio got it: the tokens joined, and when the first and the last arrived after the prompt was sent.</summary>
internal sealed record TimedReply(string Text, TimeSpan FirstToken, TimeSpan LastToken);
