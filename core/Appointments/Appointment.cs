using VoiceAgent.Core.Customers;

namespace VoiceAgent.Core.Appointments;

/// <summary>A booked (or cancelled) appointment. Times are UTC; convert with the tenant's zone at the edges.</summary>
public sealed record Appointment
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string CustomerId { get; init; }
    public required string CustomerPhone { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public required string Service { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public AppointmentStatus Status { get; init; } = AppointmentStatus.Booked;
    public Vehicle? Vehicle { get; init; }
    /// <summary>How it was booked: <c>voice</c>, <c>staff</c>, <c>seed</c>.</summary>
    public string Channel { get; init; } = "voice";
    /// <summary>The call it came from, when booked by phone.</summary>
    public string? CallSid { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>Set on the old appointment when it was moved: the id of the new one.</summary>
    public string? RescheduledTo { get; init; }
    /// <summary>The event in an external calendar (Google), when one is used.</summary>
    public string? CalendarEventId { get; init; }
    /// <summary>Where its reminder call stands; never null.</summary>
    public ReminderStatus Reminder { get; init; } = ReminderStatus.None;
    /// <summary>The texts and reminder calls claimed or sent for it, by <see cref="NoticeKeys">key</see>.</summary>
    public IReadOnlyDictionary<string, Notice> Notices { get; init; } = EmptyNotices;
    /// <summary>
    /// The tenant-local day it starts on, which names its partition: set when read from the store (ids made by
    /// booking start with that day too, see <see cref="AppointmentIds"/>).
    /// </summary>
    public DateOnly? Day { get; init; }

    private static readonly IReadOnlyDictionary<string, Notice> EmptyNotices = new Dictionary<string, Notice>(StringComparer.Ordinal);
}
