namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>Whether a person can take the call, and where.</summary>
public sealed record TransferInfo(bool Available, string? Department);
