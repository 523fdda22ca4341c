using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// The default calendar: the Schedule table itself. Its appointments are already counted by the availability
/// calculator, so there is nothing else busy and nothing to write; the event id is the appointment id.
/// </summary>
public sealed class BuiltInCalendarProvider : ICalendarProvider
{
    public Task<IReadOnlyList<BusyInterval>> GetBusyAsync(TenantProfile tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<BusyInterval>>([]);
    }

    public Task<string> CreateEventAsync(Appointment appointment, TenantProfile tenant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(appointment.Id);
    }

    public Task MoveEventAsync(string eventId, Appointment appointment, TenantProfile tenant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public Task DeleteEventAsync(string eventId, TenantProfile tenant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}
