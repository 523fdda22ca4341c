using System.Text.Json.Serialization;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Tenants;

/// <summary>Everything VoiceAgent knows about one business. Stored per tenant; every key starts with <see cref="Id"/>.</summary>
public sealed record TenantProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The dialed Twilio number (E.164) that resolves to this tenant.</summary>
    public required string PhoneNumber { get; init; }
    /// <summary>More Twilio numbers (E.164) that reach this tenant; calls to them are the same shop's calls.</summary>
    public IReadOnlyList<string> AdditionalNumbers { get; init; } = [];
    /// <summary>Every number that reaches this tenant, <see cref="PhoneNumber"/> first.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Numbers => [PhoneNumber, .. AdditionalNumbers];
    /// <summary>
    /// Who may sign in to this shop's dashboard (Entra object ids in Azure, dev user ids locally). Applying the profile
    /// writes them to the staff directory; one person works for one shop.
    /// </summary>
    public IReadOnlyList<string> Staff { get; init; } = [];
    /// <summary>IANA time zone id, e.g. <c>America/Chicago</c>.</summary>
    public required string TimeZoneId { get; init; }
    /// <summary>ISO region used to read national phone numbers (e.g. <c>US</c>).</summary>
    public string Region { get; init; } = "US";
    public required IReadOnlyList<OpeningHours> WeeklyHours { get; init; }
    public IReadOnlyList<DateOnly> ClosedDates { get; init; } = [];
    public string Address { get; init; } = string.Empty;
    public IReadOnlyList<TransferTarget> TransferTargets { get; init; } = [];
    public IReadOnlyList<ServiceOffering> Services { get; init; } = [];
    public IReadOnlyList<FaqAnswer> Faq { get; init; } = [];
    /// <summary>Slot grid, lead time, horizon.</summary>
    public BookingPolicy Booking { get; init; } = BookingPolicy.Default;
    /// <summary>When reminder calls go out.</summary>
    public ReminderPolicy Reminders { get; init; } = ReminderPolicy.Default;
    /// <summary>
    /// Whether the shop's work needs the car: after a booking, a caller with no car on file is asked for its year, make
    /// and model or its VIN, and one with several is asked which. Off for profiles stored before the setting existed.
    /// </summary>
    public bool AsksForVehicle { get; init; }

    /// <summary>
    /// Whether this shop's calls go to the language model when the deployment has one (<c>Llm:Endpoint</c>); false keeps
    /// the shop on the offline engine. On for profiles stored before the setting existed.
    /// </summary>
    public bool UseLanguageModel { get; init; } = true;

    /// <summary>
    /// How inbound calls carry speech. <see cref="CallTransport.Relay"/> and <see cref="CallTransport.Stream"/> need the
    /// real-time host (<c>Realtime:BaseUrl</c>); without it, or while it is down, calls take <see cref="CallTransport.Gather"/>.
    /// Reminder calls always take Gather. Gather for profiles stored before the setting existed.
    /// </summary>
    public CallTransport Transport { get; init; } = CallTransport.Gather;

    /// <summary>The longest a real-time call may last before the agent says goodbye (a stuck or abusive call ends).</summary>
    public int MaxCallMinutes { get; init; } = 20;

    /// <summary>Days a call's transcript and summary are kept; older calls are purged (<c>CallRetention</c>). At least 1.</summary>
    public int RetentionDays { get; init; } = 90;

    /// <summary>
    /// The shop's voices and call language on every transport (Gather, ConversationRelay, Media Streams); every setting
    /// left null is the deployment's. The deployment's for profiles stored before the setting existed.
    /// </summary>
    public TenantVoice Voice { get; init; } = TenantVoice.Deployment;

    /// <summary>
    /// The Google calendar the shop's bookings are mirrored to and its busy times read from (<c>primary</c> or an id such as
    /// <c>abc@group.calendar.google.com</c>, shared with the deployment's Google account). Null: the deployment's
    /// <c>GoogleCalendar:CalendarId</c>. Whether Google Calendar is used at all stays a deployment setting (its credentials
    /// are the deployment's): without <c>GoogleCalendar:CalendarId</c> the built-in calendar serves every shop and this id is
    /// ignored, with a warning when the profile is applied.
    /// </summary>
    public string? GoogleCalendarId { get; init; }

    /// <summary>Which texts the shop sends (confirmations, the reminder's fallback text) and from which number. All on, from <see cref="PhoneNumber"/>, for profiles stored before the setting existed.</summary>
    public TenantSms Sms { get; init; } = TenantSms.Default;

    /// <summary>The shop's wall clock (<see cref="TimeZoneId"/>): every local reading and DST rule goes through it. Shared per zone, not stored.</summary>
    [JsonIgnore]
    public TenantTime Time => TenantTime.For(TimeZoneId);

    /// <summary>The department <paramref name="target"/> (a transfer number) belongs to; null for a number not among them.</summary>
    public string? DepartmentOf(string? target) => TransferTargets.FirstOrDefault(t => t.Target == target)?.Department;

    /// <summary>The department a caller reaches by asking for "a person".</summary>
    public TransferTarget? DefaultTransferTarget => TransferTargets.FirstOrDefault(t => t.IsDefault) ?? (TransferTargets.Count > 0 ? TransferTargets[0] : null);

    public OpeningHours? HoursOn(DayOfWeek day) => WeeklyHours.FirstOrDefault(h => h.Day == day);

    public bool IsClosedOn(DateOnly date) => ClosedDates.Contains(date) || HoursOn(date.DayOfWeek) is null;

    /// <summary>Whether the shop is open at <paramref name="instant"/>, read in the tenant's time zone (opening time included, closing time not).</summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = Time.Local(instant).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        return !IsClosedOn(date) && HoursOn(date.DayOfWeek) is { } hours && time >= hours.Opens && time < hours.Closes;
    }
}
