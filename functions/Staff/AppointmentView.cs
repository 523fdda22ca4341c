namespace VoiceAgent.Functions.Staff;

/// <summary>An appointment as staff see it: times in the shop's time zone.</summary>
public sealed record AppointmentView(
    string Id,
    string Service,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    string CustomerName,
    string CustomerPhone,
    string? Vehicle,
    string Channel,
    string? CallSid,
    AppointmentReminderView Reminder);

