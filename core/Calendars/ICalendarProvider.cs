using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// The shop's calendar, seen from the booking flow: what is busy there, and the events that mirror our appointments.
/// Every operation names the shop (<see cref="TenantProfile"/>): a provider may keep each shop's events in a calendar of
/// its own (Google: <see cref="TenantProfile.GoogleCalendarId"/>). Every failure to reach an external calendar surfaces as <see cref="CalendarUnavailableException"/>, so the caller can fall back.
/// </summary>
public interface ICalendarProvider
{
    /// <summary>Busy intervals (UTC, start inclusive, end exclusive) in [<paramref name="from"/>, <paramref name="to"/>), sorted by start.</summary>
    Task<IReadOnlyList<BusyInterval>> GetBusyAsync(TenantProfile tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Creates the event for <paramref name="appointment"/> and returns its id. Idempotent: calling it again for the same appointment yields the same single event.</summary>
    Task<string> CreateEventAsync(Appointment appointment, TenantProfile tenant, CancellationToken cancellationToken);

    /// <summary>Moves (and relabels) the event to <paramref name="appointment"/>'s times and service.</summary>
    Task MoveEventAsync(string eventId, Appointment appointment, TenantProfile tenant, CancellationToken cancellationToken);

    /// <summary>Deletes the event from <paramref name="tenant"/>'s calendar. An event that is already gone counts as deleted.</summary>
    Task DeleteEventAsync(string eventId, TenantProfile tenant, CancellationToken cancellationToken);

    /// <summary>
    /// The id <see cref="CreateEventAsync"/> gives the appointment's event when the provider chooses it itself (derived from
    /// the appointment), else null. Lets an event whose creation answer was lost still be found and deleted.
    /// </summary>
    string? EventIdFor(Appointment appointment) => null;
}
