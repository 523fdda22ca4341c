namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>A bookable service.</summary>
public sealed record ServiceInfo(string Name, int DurationMinutes, decimal? Price);
