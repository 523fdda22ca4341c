namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>Who the verified caller is.</summary>
public sealed record CustomerInfo(bool Known, string? Name, IReadOnlyList<string> Vehicles);
