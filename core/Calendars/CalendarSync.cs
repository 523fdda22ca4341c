using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// Mirrors the book into the external calendar, for the booking workflow (never during a call). Both steps are
/// idempotent, so the workflow may retry them freely: an event is created once (its id recorded on the appointment; Google
/// events carry an id derived from the appointment, so a create whose answer was lost is a 409 the next time, not a second
/// event) and deleting an event that is gone counts as done. A calendar that cannot be reached throws
/// <see cref="CalendarUnavailableException"/>, which the workflow retries with backoff and finally records as a failure.
/// </summary>
public sealed partial class CalendarSync(ICalendarProvider calendar, AppointmentStore store, ILogger<CalendarSync> logger)
{
    /// <summary>
    /// Creates the event of a booked appointment and records its id; nothing when it has one already or is not booked. An
    /// appointment cancelled while its event was being created loses the event again, so a late create never outlives a cancel.
    /// </summary>
    public async Task CreateAsync(TenantProfile tenant, Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.CalendarEventId is not null || appointment.Status != AppointmentStatus.Booked)
        {
            return;
        }

        var day = AppointmentStore.DayOf(appointment);
        var eventId = await calendar.CreateEventAsync(appointment, tenant, cancellationToken);
        await store.SetCalendarEventIdAsync(appointment, day, eventId, cancellationToken);
        LogCreated(logger, appointment.Id, eventId);

        // Cancelled while we were creating (its own follow-up may have found no event to delete yet): take the event away.
        if (await store.FindAsync(appointment.TenantId, day, appointment.Id, cancellationToken) is { Status: AppointmentStatus.Cancelled } cancelled)
        {
            await DeleteAsync(tenant, cancelled with { CalendarEventId = eventId }, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the appointment's event: the one recorded, or the one the provider would have created under its own id (a
    /// create whose answer was lost). Nothing when there is neither; an event already gone counts as deleted.
    /// </summary>
    public async Task DeleteAsync(TenantProfile tenant, Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        if ((appointment.CalendarEventId ?? calendar.EventIdFor(appointment)) is not { } eventId)
        {
            return;
        }

        await calendar.DeleteEventAsync(eventId, tenant, cancellationToken);
        LogDeleted(logger, appointment.Id, eventId);
    }

    /// <summary>
    /// Brings the event of an anonymised appointment in line with it (a deletion request), so the calendar no longer shows
    /// who it was: a booked one's event is updated (or created, when its follow-up never got that far); a cancelled one's
    /// recorded event is updated and deleted again, since a calendar may keep deleted events with their text (Google does).
    /// An event that is gone for good counts as done. True when an event was written.
    /// </summary>
    public async Task<bool> RewriteAsync(TenantProfile tenant, Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.Status == AppointmentStatus.Booked && appointment.CalendarEventId is null)
        {
            await CreateAsync(tenant, appointment, cancellationToken);
            return true;
        }

        if (appointment.CalendarEventId is not { } eventId)
        {
            return false;
        }

        try
        {
            await calendar.MoveEventAsync(eventId, appointment, tenant, cancellationToken);
        }
        catch (CalendarUnavailableException ex) when (ex.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Gone)
        {
            LogGone(logger, appointment.Id, eventId);
            return false;
        }

        if (appointment.Status != AppointmentStatus.Booked)
        {
            await calendar.DeleteEventAsync(eventId, tenant, cancellationToken);
        }

        LogRewritten(logger, appointment.Id, eventId);
        return true;
    }

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Appointment {AppointmentId} mirrored to calendar event {EventId}")]
    private static partial void LogCreated(ILogger logger, string appointmentId, string eventId);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Information, Message = "Calendar event {EventId} of appointment {AppointmentId} deleted")]
    private static partial void LogDeleted(ILogger logger, string appointmentId, string eventId);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Information, Message = "Calendar event {EventId} of appointment {AppointmentId} rewritten without the customer")]
    private static partial void LogRewritten(ILogger logger, string appointmentId, string eventId);

    [LoggerMessage(EventId = 1314, Level = LogLevel.Information, Message = "Calendar event {EventId} of appointment {AppointmentId} is gone for good; nothing to rewrite")]
    private static partial void LogGone(ILogger logger, string appointmentId, string eventId);
}
