namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>One of the caller's own appointments.</summary>
public sealed record AppointmentInfo(string AppointmentId, string Service, string Start);
