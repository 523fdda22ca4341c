using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Appointments;

/// <summary>
/// Appointments and slot capacity in Azure Tables. A booking inserts the appointment and increments every
/// capacity cell it covers in one entity-group transaction guarded by ETags, so a slot of capacity N takes
/// exactly N bookings however many processes race for it.
/// </summary>
public sealed partial class AppointmentStore(VoiceAgentTables tables)
{
    private const int MaxAttempts = 20;

    /// <summary>Books <paramref name="appointment"/> if every grid cell it covers has room.</summary>
    /// <param name="localDay">The tenant-local day the appointment starts on (its partition).</param>
    /// <param name="cellStarts">The UTC starts of the slot-grid cells the appointment covers.</param>
    public async Task<BookingOutcome> TryBookAsync(Appointment appointment, DateOnly localDay, IReadOnlyList<DateTimeOffset> cellStarts, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(cellStarts);
        var partition = ScheduleKeys.Partition(appointment.TenantId, localDay);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await ExistsAsync(partition, appointment.Id, cancellationToken))
            {
                return BookingOutcome.AlreadyBooked;
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, AppointmentRow.ToEntity(appointment, partition)) };
            foreach (var cellStart in cellStarts)
            {
                var key = ScheduleKeys.Cell(appointment.Service, cellStart);
                var cell = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
                var count = cell.HasValue ? cell.Value!.GetInt32("Count") ?? 0 : 0;
                if (count >= capacity)
                {
                    return BookingOutcome.SlotTaken;
                }

                actions.Add(cell.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Cell(partition, key, count + 1), cell.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, Cell(partition, key, 1)));
            }

            try
            {
                await tables.Schedule.SubmitTransactionAsync(actions, cancellationToken);
                return BookingOutcome.Booked;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Somebody changed a cell (or wrote this appointment) since we read it: read again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Booking {appointment.Id} kept conflicting after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// Moves an appointment within its day in one transaction: the old one is cancelled (pointing at the new one), the
    /// new one added, and only the cells whose count changes are written, so a move may overlap its own old time.
    /// </summary>
    public async Task<BookingOutcome> TryMoveWithinDayAsync(
        Appointment old, Appointment moved, DateOnly localDay, IReadOnlyList<DateTimeOffset> oldCells, IReadOnlyList<DateTimeOffset> newCells, int capacity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(moved);
        ArgumentNullException.ThrowIfNull(oldCells);
        ArgumentNullException.ThrowIfNull(newCells);
        var partition = ScheduleKeys.Partition(old.TenantId, localDay);
        var freed = oldCells.Select(c => ScheduleKeys.Cell(old.Service, c)).ToHashSet(StringComparer.Ordinal);
        var taken = newCells.Select(c => ScheduleKeys.Cell(moved.Service, c)).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await ExistsAsync(partition, moved.Id, cancellationToken))
            {
                return BookingOutcome.AlreadyBooked;
            }

            var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, ScheduleKeys.Appointment(old.Id), cancellationToken: cancellationToken);
            if (!row.HasValue || AppointmentRow.FromEntity(row.Value!).Status != AppointmentStatus.Booked)
            {
                throw new InvalidOperationException($"Appointment {old.Id} is no longer booked; nothing to move.");
            }

            var cancelled = AppointmentRow.FromEntity(row.Value!) with { Status = AppointmentStatus.Cancelled, CancelledAt = at, RescheduledTo = moved.Id };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, AppointmentRow.ToEntity(cancelled, partition), row.Value!.ETag),
                new(TableTransactionActionType.Add, AppointmentRow.ToEntity(moved, partition)),
            };
            foreach (var key in freed.Union(taken, StringComparer.Ordinal))
            {
                var delta = (taken.Contains(key) ? 1 : 0) - (freed.Contains(key) ? 1 : 0);
                if (delta == 0)
                {
                    continue;
                }

                var cell = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
                var count = (cell.HasValue ? cell.Value!.GetInt32("Count") ?? 0 : 0) + delta;
                if (delta > 0 && count > capacity)
                {
                    return BookingOutcome.SlotTaken;
                }

                actions.Add(cell.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Cell(partition, key, Math.Max(0, count)), cell.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, Cell(partition, key, Math.Max(0, count))));
            }

            try
            {
                await tables.Schedule.SubmitTransactionAsync(actions, cancellationToken);
                return BookingOutcome.Booked;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Moving {old.Id} kept conflicting after {MaxAttempts} attempts.");
    }

    /// <summary>Cancels a booked appointment and frees its cells. Idempotent: cancelling twice changes nothing.</summary>
    public async Task<bool> CancelAsync(Appointment appointment, DateOnly localDay, IReadOnlyList<DateTimeOffset> cellStarts, DateTimeOffset at, string? rescheduledTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(cellStarts);
        var partition = ScheduleKeys.Partition(appointment.TenantId, localDay);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, ScheduleKeys.Appointment(appointment.Id), cancellationToken: cancellationToken);
            if (!row.HasValue || AppointmentRow.FromEntity(row.Value!).Status == AppointmentStatus.Cancelled)
            {
                return false;
            }

            var cancelled = AppointmentRow.FromEntity(row.Value!) with { Status = AppointmentStatus.Cancelled, CancelledAt = at, RescheduledTo = rescheduledTo };
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, AppointmentRow.ToEntity(cancelled, partition), row.Value!.ETag) };
            foreach (var cellStart in cellStarts)
            {
                var key = ScheduleKeys.Cell(appointment.Service, cellStart);
                var cell = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
                if (cell.HasValue)
                {
                    var count = Math.Max(0, (cell.Value!.GetInt32("Count") ?? 0) - 1);
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, Cell(partition, key, count), cell.Value.ETag));
                }
            }

            try
            {
                await tables.Schedule.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Cancelling {appointment.Id} kept conflicting after {MaxAttempts} attempts.");
    }

    /// <summary>Records the external calendar's event id on the appointment row.</summary>
    public async Task SetCalendarEventIdAsync(Appointment appointment, DateOnly localDay, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var row = new TableEntity(ScheduleKeys.Partition(appointment.TenantId, localDay), ScheduleKeys.Appointment(appointment.Id)) { ["CalendarEventId"] = eventId };
        await tables.Schedule.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Records the vehicle the appointment is for (told after booking); only that column changes.</summary>
    public async Task SetVehicleAsync(Appointment appointment, DateOnly localDay, Vehicle vehicle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(vehicle);
        var row = new TableEntity(ScheduleKeys.Partition(appointment.TenantId, localDay), ScheduleKeys.Appointment(appointment.Id)) { ["Vehicle"] = StorageJson.Serialize(vehicle) };
        await tables.Schedule.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The appointment by id alone, when the id names its day (<see cref="AppointmentIds"/>); null when it does not or there is none.</summary>
    public async Task<Appointment?> FindAsync(string tenantId, string appointmentId, CancellationToken cancellationToken) =>
        AppointmentIds.TryDayOf(appointmentId, out var day) ? await FindAsync(tenantId, day, appointmentId, cancellationToken) : null;

    public async Task<Appointment?> FindAsync(string tenantId, DateOnly localDay, string appointmentId, CancellationToken cancellationToken)
    {
        var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(ScheduleKeys.Partition(tenantId, localDay), ScheduleKeys.Appointment(appointmentId), cancellationToken: cancellationToken);
        return row.HasValue ? AppointmentRow.FromEntity(row.Value!) : null;
    }

    /// <summary>Appointments (booked and cancelled) whose local start day is in [from, to], in start order.</summary>
    public async Task<IReadOnlyList<Appointment>> ListAsync(string tenantId, DateOnly from, DateOnly to, string? customerId, CancellationToken cancellationToken)
    {
        var low = ScheduleKeys.Partition(tenantId, from);
        var high = ScheduleKeys.Partition(tenantId, to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey le {high} and RowKey ge {ScheduleKeys.AppointmentPrefix} and RowKey lt {ScheduleKeys.PrefixEnd(ScheduleKeys.AppointmentPrefix)}");
        if (customerId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CustomerId eq {customerId}");
        }

        var appointments = new List<Appointment>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            appointments.Add(AppointmentRow.FromEntity(row));
        }

        return [.. appointments.OrderBy(a => a.Start)];
    }

    private async Task<bool> ExistsAsync(string partition, string appointmentId, CancellationToken cancellationToken) =>
        (await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, ScheduleKeys.Appointment(appointmentId), ["RowKey"], cancellationToken)).HasValue;

    private static TableEntity Cell(string partition, string key, int count) => new(partition, key) { ["Count"] = count };
}
