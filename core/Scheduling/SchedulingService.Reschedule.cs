using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Scheduling;

/// <summary>Moving an appointment: within its day in one write, to another day as a booking then a cancel, each recorded as one change first.</summary>
public sealed partial class SchedulingService
{
    /// <summary>Moves one of the customer's own appointments: books the new time first, then frees the old one.</summary>
    public async Task<BookingResult> RescheduleAsync(TenantProfile tenant, Customer customer, string appointmentId, DateTimeOffset newStart, string? callSid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var old = await FindOwnAsync(tenant, customer.Id, appointmentId, cancellationToken);
        if (old is null || old.Status != AppointmentStatus.Booked)
        {
            return BookingResult.NotFound();
        }

        var service = tenant.Services.First(s => s.Name == old.Service);
        var day = tenant.Time.DayOf(newStart);
        if (customer.TenantId != tenant.Id)
        {
            throw new InvalidOperationException("A customer can only book with their own shop.");
        }

        if (day != tenant.Time.DayOf(old.Start))
        {
            // Another day: book the new time first, then free the old one (two partitions, two transactions). One
            // Rescheduled change, recorded before the new booking, makes the workflow finish the move if we die in between.
            var id = AppointmentId(day, callSid ?? Guid.NewGuid().ToString("N"), customer.Id, service.Name, newStart);
            var booked = await BookNewAsync(tenant, customer, service, newStart, old.Vehicle, callSid, id, old.Id, cancellationToken);
            if (booked.Appointment is { } moved)
            {
                await CancelAsync(tenant, customer.Id, old.Id, moved.Id, cancellationToken);
                return booked with { Replaced = old };
            }

            return booked;
        }

        // The same day: one transaction, and the old time does not block the new one.
        var check = await CheckAsync(tenant, service, newStart, cancellationToken, ignoring: old.Id);
        if (check.Status != SlotStatus.Free)
        {
            return BookingResult.Refused(check);
        }

        var replacement = old with
        {
            Id = AppointmentId(day, callSid ?? Guid.NewGuid().ToString("N"), customer.Id, service.Name, newStart),
            Start = newStart.ToUniversalTime(),
            End = newStart.AddMinutes(service.DurationMinutes).ToUniversalTime(),
            CallSid = callSid,
            CreatedAt = time.GetUtcNow(),
            CalendarEventId = null,
            Reminder = ReminderStatus.None,
            Notices = new Dictionary<string, Notice>(StringComparer.Ordinal),
            Day = day,
        };
        var change = new AppointmentChange(tenant.Id, replacement.Id, ChangeKind.Rescheduled, old.Id, callSid, time.GetUtcNow());
        await followUps.RecordAsync(change, cancellationToken);
        var outcome = await store.TryMoveWithinDayAsync(old, replacement, day, Cells(tenant, service, old.Start), Cells(tenant, service, newStart), service.Capacity, time.GetUtcNow(), cancellationToken);
        if (outcome == BookingOutcome.SlotTaken)
        {
            await followUps.CompleteAsync(change, cancellationToken);
            return BookingResult.Refused((await CheckAsync(tenant, service, newStart, cancellationToken, ignoring: old.Id)) with { Status = SlotStatus.Full });
        }

        if (outcome == BookingOutcome.Booked)
        {
            telemetry.RecordBooking(tenant.Id, "rescheduled");
        }

        return BookingResult.Done(replacement) with { Replaced = old };
    }
}
