using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Appointments;

/// <summary>The reminder state and the notice claims on the appointment row: the exactly-once bookkeeping of the workflows.</summary>
public sealed partial class AppointmentStore
{
    /// <summary>Writes the reminder state (its five columns only; nothing else on the row changes). Last writer wins.</summary>
    public async Task SetReminderAsync(Appointment appointment, ReminderStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(status);
        await ReplaceColumnsAsync(appointment, row =>
        {
            AppointmentRow.WriteReminder(row, status);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Claims notice <paramref name="key"/> (<see cref="NoticeKeys"/>) for sending. Returns null when this caller claimed it
    /// now (go and send it), otherwise the notice already there: <see cref="NoticeState.Claimed"/> means another attempt is
    /// sending it or died doing so (reconcile with Twilio before sending), <see cref="NoticeState.Sent"/> and
    /// <see cref="NoticeState.Skipped"/> mean it is done. Of any number of concurrent claims exactly one gets null: the claim is
    /// written with the row's ETag, and a 412 reads again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The appointment row does not exist.</exception>
    public async Task<Notice?> TryClaimNoticeAsync(Appointment appointment, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var column = NoticeKeys.Column(key);
        var partition = ScheduleKeys.Partition(appointment.TenantId, DayOf(appointment));
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await ReadRowAsync(appointment, partition, cancellationToken);
            if (AppointmentRow.ReadNotice(row, key) is { } existing)
            {
                return existing;
            }

            var claim = new TableEntity(partition, row.RowKey) { [column] = StorageJson.Serialize(new Notice(key, NoticeState.Claimed, at.ToUniversalTime(), null, null)) };
            try
            {
                await tables.Schedule.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // The row changed since we read it (maybe this very claim by someone else): read again.
            }
        }

        throw new InvalidOperationException($"Claiming {key} on appointment {appointment.Id} kept conflicting after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// Records how notice <paramref name="key"/> ended (Twilio's sid when sent, why when skipped), keeping the claim's time.
    /// Only that column changes.
    /// </summary>
    public async Task RecordNoticeAsync(Appointment appointment, string key, NoticeState state, string? sid, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var column = NoticeKeys.Column(key);
        var partition = ScheduleKeys.Partition(appointment.TenantId, DayOf(appointment));
        var row = await ReadRowAsync(appointment, partition, cancellationToken);
        // Recorded without a claim (nothing to send): the row's last change stands in for the claim's time.
        var claimedAt = AppointmentRow.ReadNotice(row, key)?.ClaimedAt ?? row.Timestamp ?? DateTimeOffset.UnixEpoch;
        var update = new TableEntity(partition, row.RowKey) { [column] = StorageJson.Serialize(new Notice(key, state, claimedAt, sid, detail)) };
        await tables.Schedule.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The partition day of an appointment: the one it was read from, else the day its id names.</summary>
    internal static DateOnly DayOf(Appointment appointment) =>
        appointment.Day ?? (AppointmentIds.TryDayOf(appointment.Id, out var day)
            ? day
            : throw new InvalidOperationException($"Appointment {appointment.Id} was not read from the store and its id names no day."));

    /// <summary>Read, change, replace with the row's ETag; a 412 starts over. <paramref name="change"/> returns false to write nothing.</summary>
    private async Task ReplaceColumnsAsync(Appointment appointment, Func<TableEntity, bool> change, CancellationToken cancellationToken)
    {
        var partition = ScheduleKeys.Partition(appointment.TenantId, DayOf(appointment));
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await ReadRowAsync(appointment, partition, cancellationToken);
            if (!change(row))
            {
                return;
            }

            try
            {
                await tables.Schedule.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Updating appointment {appointment.Id} kept conflicting after {MaxAttempts} attempts.");
    }

    private async Task<TableEntity> ReadRowAsync(Appointment appointment, string partition, CancellationToken cancellationToken)
    {
        var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, ScheduleKeys.Appointment(appointment.Id), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : throw new InvalidOperationException($"Appointment {appointment.Id} does not exist.");
    }
}
