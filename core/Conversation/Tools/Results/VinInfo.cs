namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>A VIN check and what vehicle it is.</summary>
public sealed record VinInfo(bool Valid, string? Vehicle, string? Notes);
