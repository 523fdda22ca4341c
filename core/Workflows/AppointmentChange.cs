using System.Globalization;

namespace VoiceAgent.Core.Workflows;

/// <summary>
/// One book, move or cancel, recorded in the FollowUps outbox before the write it describes, so its follow-up (text,
/// calendar, reminder, the old time freed) is never lost. The workflow checks the appointment row: a change whose write
/// never landed finishes with nothing done.
/// </summary>
/// <param name="AppointmentId">The appointment booked or cancelled; for <see cref="ChangeKind.Rescheduled"/> the NEW one.</param>
/// <param name="ReplacesId">For <see cref="ChangeKind.Rescheduled"/>: the old appointment, which the workflow makes sure is cancelled.</param>
/// <param name="CallSid">The call that made the change, when made by phone.</param>
/// <param name="At">When it was recorded (app clock).</param>
public sealed record AppointmentChange(string TenantId, string AppointmentId, ChangeKind Kind, string? ReplacesId, string? CallSid, DateTimeOffset At)
{
    /// <summary>The Durable instance of this change's follow-up: <c>followup-{tenant}-{appointment}-{kind}</c>.</summary>
    public string InstanceId => $"followup-{TenantId}-{AppointmentId}-{KindName}";

    /// <summary>The kind in lower case (<c>booked</c>, <c>rescheduled</c>, <c>cancelled</c>), as in ids and keys.</summary>
    public string KindName => Kind.ToString().ToLower(CultureInfo.InvariantCulture);
}
