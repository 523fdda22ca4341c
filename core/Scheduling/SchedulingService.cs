using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// Availability and booking against the tenant's book: reads what is booked, asks the calculator, and writes
/// through the ETag-guarded <see cref="AppointmentStore"/>. Every change is for one customer the caller
/// verified; ownership is checked here, not left to the dialog. Before each write the change is recorded in the
/// FollowUps outbox (<see cref="FollowUpStore"/>), so its follow-up (text, calendar event, reminder, the old time of a move
/// freed) is carried out by a workflow even if this process dies right after the write. The external calendar (when
/// configured) only adds busy times here: mirroring bookings into it is the workflow's (<see cref="CalendarSync"/>), never
/// inside a call, and when it cannot be read the booking uses our own book.
/// </summary>
public sealed partial class SchedulingService(
    AppointmentStore store,
    ICalendarProvider calendar,
    FollowUpStore followUps,
    VoiceAgentTelemetry telemetry,
    TimeProvider time,
    ILogger<SchedulingService> logger)
{
    public const int AlternativesOffered = 3;

    /// <summary>
    /// What is booked for the tenant around the window, plus the clock, for one service. <paramref name="ignoring"/> is an
    /// appointment being moved: its own time does not block its new one.
    /// </summary>
    public async Task<AvailabilityQuery> QueryAsync(TenantProfile tenant, ServiceOffering service, DateOnly from, DateOnly to, CancellationToken cancellationToken, string? ignoring = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var book = await store.ListAsync(tenant.Id, from.AddDays(-1), to.AddDays(1), customerId: null, cancellationToken);
        return new AvailabilityQuery(service, time.GetUtcNow())
        {
            Appointments = [.. book.Where(a => a.Status == AppointmentStatus.Booked && a.Id != ignoring).Select(a => new ExistingAppointment(a.Start, a.End, a.Service))],
            BusyIntervals = await BusyAsync(tenant, tenant.Time.StartOfDay(from.AddDays(-1)), tenant.Time.StartOfDay(to.AddDays(2)), cancellationToken),
        };
    }

    /// <summary>Can <paramref name="start"/> be booked? If not, why, and the nearest free starts.</summary>
    public async Task<SlotCheck> CheckAsync(TenantProfile tenant, ServiceOffering service, DateTimeOffset start, CancellationToken cancellationToken, string? ignoring = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var calculator = new AvailabilityCalculator(tenant, tenant.Booking);
        var day = tenant.Time.DayOf(start);
        var query = await QueryAsync(tenant, service, day, day.AddDays(14), cancellationToken, ignoring);
        var status = calculator.CheckSlot(query, start);
        return status == SlotStatus.Free
            ? new SlotCheck(start, status, [])
            : new SlotCheck(start, status, calculator.NearestAlternatives(query, start, AlternativesOffered));
    }

    /// <summary>Free starts on one local day, optionally within a part of the day (local times).</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> FreeOnAsync(TenantProfile tenant, ServiceOffering service, DateOnly day, TimeOnly? notBefore, TimeOnly? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var calculator = new AvailabilityCalculator(tenant, tenant.Booking);
        var query = await QueryAsync(tenant, service, day, day, cancellationToken);
        return [.. calculator.FreeSlotsOn(query, day).Where(s =>
        {
            var local = tenant.Time.TimeOf(s);
            return (notBefore is null || local >= notBefore) && (before is null || local < before);
        })];
    }

    /// <summary>The first free starts from a local day onwards (for "when is your next opening?").</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> NextFreeAsync(TenantProfile tenant, ServiceOffering service, DateOnly fromDay, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var calculator = new AvailabilityCalculator(tenant, tenant.Booking);
        var to = fromDay.AddDays(14);
        var query = await QueryAsync(tenant, service, fromDay, to, cancellationToken);
        return [.. calculator.FreeSlots(query, tenant.Time.StartOfDay(fromDay), tenant.Time.StartOfDay(to)).Take(count)];
    }

    /// <summary>
    /// Books a service for a verified customer. The id is derived from the call, service and start, so a retried
    /// request never books twice.
    /// </summary>
    public async Task<BookingResult> BookAsync(TenantProfile tenant, Customer customer, ServiceOffering service, DateTimeOffset start, Vehicle? vehicle, string? callSid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(service);
        if (customer.TenantId != tenant.Id)
        {
            throw new InvalidOperationException("A customer can only book with their own shop.");
        }

        var day = tenant.Time.DayOf(start);
        var id = AppointmentId(day, callSid ?? Guid.NewGuid().ToString("N"), customer.Id, service.Name, start);
        return await BookNewAsync(tenant, customer, service, start, vehicle, callSid, id, null, cancellationToken);
    }

    /// <summary>
    /// Books appointment <paramref name="id"/>; the change (<see cref="ChangeKind.Booked"/>, or <see cref="ChangeKind.Rescheduled"/>
    /// when it replaces <paramref name="replacesId"/>) is recorded just before the write, and forgotten again when the slot
    /// turned out taken (nothing was written).
    /// </summary>
    private async Task<BookingResult> BookNewAsync(
        TenantProfile tenant, Customer customer, ServiceOffering service, DateTimeOffset start, Vehicle? vehicle, string? callSid, string id, string? replacesId, CancellationToken cancellationToken)
    {
        var day = tenant.Time.DayOf(start);
        if (await store.FindAsync(tenant.Id, day, id, cancellationToken) is { Status: AppointmentStatus.Booked } alreadyBooked)
        {
            // The same request again (a retried webhook): it is this caller's booking, not a taken slot.
            return BookingResult.Done(alreadyBooked);
        }

        var check = await CheckAsync(tenant, service, start, cancellationToken);
        if (check.Status != SlotStatus.Free)
        {
            return BookingResult.Refused(check);
        }

        var appointment = new Appointment
        {
            Id = id,
            TenantId = tenant.Id,
            CustomerId = customer.Id,
            CustomerPhone = customer.PhoneNumber,
            CustomerName = customer.FullName,
            Service = service.Name,
            Start = start.ToUniversalTime(),
            End = start.AddMinutes(service.DurationMinutes).ToUniversalTime(),
            Vehicle = vehicle,
            Channel = "voice",
            CallSid = callSid,
            CreatedAt = time.GetUtcNow(),
            Day = day,
        };

        var change = new AppointmentChange(tenant.Id, id, replacesId is null ? ChangeKind.Booked : ChangeKind.Rescheduled, replacesId, callSid, time.GetUtcNow());
        await followUps.RecordAsync(change, cancellationToken);
        var outcome = await store.TryBookAsync(appointment, day, Cells(tenant, service, start), service.Capacity, cancellationToken);
        if (outcome == BookingOutcome.SlotTaken)
        {
            // Somebody took it between the check and the write: nothing was written, so nothing follows; offer what is free now.
            await followUps.CompleteAsync(change, cancellationToken);
            var again = await CheckAsync(tenant, service, start, cancellationToken);
            return BookingResult.Refused(again with { Status = SlotStatus.Full });
        }

        if (outcome == BookingOutcome.Booked)
        {
            telemetry.RecordBooking(tenant.Id, "booked");
        }

        return BookingResult.Done(appointment);
    }

    /// <summary>The customer's booked appointments from today on, soonest first.</summary>
    public async Task<IReadOnlyList<Appointment>> UpcomingAsync(TenantProfile tenant, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var now = time.GetUtcNow();
        var today = tenant.Time.Today(now);
        var appointments = await store.ListAsync(tenant.Id, today, today.AddDays(tenant.Booking.BookingHorizon.Days + 1), customerId, cancellationToken);
        return [.. appointments.Where(a => a.Status == AppointmentStatus.Booked && a.End > now)];
    }

    /// <summary>Cancels one of the customer's own appointments; anyone else's is refused as not found.</summary>
    public Task<Appointment?> CancelAsync(TenantProfile tenant, string customerId, string appointmentId, string? rescheduledTo, CancellationToken cancellationToken) =>
        CancelAsync(tenant, customerId, appointmentId, rescheduledTo, callSid: null, cancellationToken);

    /// <summary>
    /// Cancels one of the customer's own appointments, on call <paramref name="callSid"/> when made by phone (its follow-up
    /// then starts right after the call's turn). A plain cancel records a <see cref="ChangeKind.Cancelled"/> change first; the
    /// cancel that frees the old time of a move (<paramref name="rescheduledTo"/> set) belongs to that move's change.
    /// </summary>
    public async Task<Appointment?> CancelAsync(TenantProfile tenant, string customerId, string appointmentId, string? rescheduledTo, string? callSid, CancellationToken cancellationToken)
    {
        var appointment = await FindOwnAsync(tenant, customerId, appointmentId, cancellationToken);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked)
        {
            return null;
        }

        var service = tenant.Services.First(s => s.Name == appointment.Service);
        if (rescheduledTo is null)
        {
            await followUps.RecordAsync(new AppointmentChange(tenant.Id, appointment.Id, ChangeKind.Cancelled, null, callSid, time.GetUtcNow()), cancellationToken);
        }

        if (await store.CancelAsync(appointment, tenant.Time.DayOf(appointment.Start), Cells(tenant, service, appointment.Start), time.GetUtcNow(), rescheduledTo, cancellationToken))
        {
            telemetry.RecordBooking(tenant.Id, rescheduledTo is null ? "cancelled" : "rescheduled");
        }

        return appointment;
    }

    /// <summary>
    /// The customer confirms one of their own booked appointments (the answer to its reminder, on that call or a later
    /// one): its reminder ends as confirmed, so no further attempt is made. Null when it is not theirs or not booked.
    /// </summary>
    public async Task<Appointment?> ConfirmReminderAsync(TenantProfile tenant, string customerId, string appointmentId, CancellationToken cancellationToken)
    {
        var appointment = await FindOwnAsync(tenant, customerId, appointmentId, cancellationToken);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked)
        {
            return null;
        }

        if (appointment.Reminder.Outcome == ReminderOutcome.Confirmed)
        {
            return appointment;
        }

        var confirmed = appointment.Reminder with { Outcome = ReminderOutcome.Confirmed, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() };
        await store.SetReminderAsync(appointment, confirmed, cancellationToken);
        telemetry.RecordReminderOutcome(tenant.Id, "confirmed");
        return appointment with { Reminder = confirmed };
    }

    /// <summary>Puts a vehicle on one of the customer's own booked appointments; null when it is not theirs or not booked.</summary>
    public async Task<Appointment?> SetVehicleAsync(TenantProfile tenant, string customerId, string appointmentId, Vehicle vehicle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        var appointment = await FindOwnAsync(tenant, customerId, appointmentId, cancellationToken);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked)
        {
            return null;
        }

        await store.SetVehicleAsync(appointment, tenant.Time.DayOf(appointment.Start), vehicle, cancellationToken);
        return appointment with { Vehicle = vehicle };
    }

    private async Task<IReadOnlyList<BusyInterval>> BusyAsync(TenantProfile tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            return await calendar.GetBusyAsync(tenant, from, to, cancellationToken);
        }
        catch (CalendarUnavailableException ex)
        {
            LogCalendarReadFailed(logger, ex);
            return [];
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "The external calendar could not be read; availability uses our own book only")]
    private static partial void LogCalendarReadFailed(ILogger logger, Exception exception);

    private async Task<Appointment?> FindOwnAsync(TenantProfile tenant, string customerId, string appointmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!TryDayOf(appointmentId, out var day))
        {
            return null;
        }

        var appointment = await store.FindAsync(tenant.Id, day, appointmentId, cancellationToken);
        return appointment is not null && appointment.CustomerId == customerId ? appointment : null;
    }

    /// <summary>The slot-grid cells an appointment covers (UTC starts): every grid step within its duration.</summary>
    public static IReadOnlyList<DateTimeOffset> Cells(TenantProfile tenant, ServiceOffering service, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(service);
        var grid = tenant.Booking.SlotGridMinutes;
        var count = (service.DurationMinutes + grid - 1) / grid;
        return [.. Enumerable.Range(0, count).Select(i => start.ToUniversalTime().AddMinutes(grid * i))];
    }

    /// <summary><c>yyyyMMdd-</c> + a hash of what makes the booking unique: the day names the partition, the hash makes retries idempotent.</summary>
    internal static string AppointmentId(DateOnly day, string origin, string customerId, string service, DateTimeOffset start)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{origin}|{customerId}|{service}|{start.UtcTicks}"));
        return $"{day:yyyyMMdd}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    private static bool TryDayOf(string appointmentId, out DateOnly day) => AppointmentIds.TryDayOf(appointmentId, out day);
}
