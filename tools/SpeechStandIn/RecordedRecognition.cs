namespace VoiceAgent.SpeechStandIn;

/// <summary>What a speech-to-text request sent: its query and the WAV audio, and whether the body came chunked.</summary>
public sealed record RecordedRecognition(string Language, string Format, string ContentType, bool Chunked, WavAudio Audio);
