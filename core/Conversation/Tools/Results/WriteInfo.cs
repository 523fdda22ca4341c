namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>
/// What a booking, move, cancellation or confirmation did. <see cref="Status"/>: <c>read_back</c> (nothing written: read
/// <see cref="ReadBack"/> to the caller and wait for their yes), <c>needs_yes</c>, <c>booked</c>, <c>moved</c>,
/// <c>cancelled</c>, <c>confirmed</c>, <c>refused</c> (with <see cref="Reason"/> and free <see cref="Alternatives"/>),
/// <c>not_found</c> or <c>invalid</c>.
/// </summary>
public sealed record WriteInfo(
    string Status,
    string? ReadBack = null,
    string? AppointmentId = null,
    string? Start = null,
    string? Reason = null,
    IReadOnlyList<string>? Alternatives = null,
    string? Note = null);
