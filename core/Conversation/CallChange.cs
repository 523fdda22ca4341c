using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Conversation;

/// <summary>
/// A change the call made to the book, kept in the dialog for the call's record: what was done to which appointment,
/// for which service and start (UTC). For a move, <paramref name="AppointmentId"/> is the new appointment.
/// </summary>
public sealed record CallChange(ChangeKind Kind, string AppointmentId, string Service, DateTimeOffset Start);
