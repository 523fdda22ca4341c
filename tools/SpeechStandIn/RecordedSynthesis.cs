namespace VoiceAgent.SpeechStandIn;

/// <summary>What a text-to-speech request's SSML asked for: the document, its language, the voice and the words.</summary>
public sealed record RecordedSynthesis(string Ssml, string? Language, string? VoiceLanguage, string? Voice, string Text, string OutputFormat);
