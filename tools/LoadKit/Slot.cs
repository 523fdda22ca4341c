namespace VoiceAgent.LoadKit;

/// <summary>A service at a local date and time.</summary>
public sealed record Slot(string Service, DateOnly Date, TimeOnly Time);
