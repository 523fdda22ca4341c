namespace VoiceAgent.OpenAiStandIn;

/// <summary>A tool call the client sent back in an assistant message of its history (what the model called earlier).</summary>
public sealed record RecordedToolCall(string Id, string Name, string Arguments);
