using VoiceAgent.Core.Customers;

namespace VoiceAgent.Core.Appointments;

public sealed partial class AppointmentStore
{
    /// <summary>
    /// Takes the customer's details off the appointment (a deletion request): their name and number, the vehicle, and the
    /// notices' details (a refusal may quote the number). Times, service, status, channel, call sid, calendar event id, the
    /// notices' states and (until <see cref="DetachCustomerAsync"/>) the customer id stay; only this row changes, so its
    /// capacity cells are untouched. Idempotent. Returns the appointment as it now stands.
    /// </summary>
    public async Task<Appointment> AnonymiseAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await ReplaceColumnsAsync(appointment, row =>
        {
            row["CustomerName"] = ErasedCustomer.Name;
            row["CustomerPhone"] = string.Empty;
            row.Remove("Vehicle");
            foreach (var column in row.Keys.Where(c => c.StartsWith(NoticeKeys.ColumnPrefix, StringComparison.Ordinal)).ToList())
            {
                if (AppointmentRow.ReadNotice(row, NoticeKeys.KeyOf(column)) is { Detail: not null } notice)
                {
                    row[column] = Storage.StorageJson.Serialize(notice with { Detail = null });
                }
            }

            return true;
        }, cancellationToken);
        return await FindAsync(appointment.TenantId, DayOf(appointment), appointment.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Appointment {appointment.Id} vanished while it was anonymised.");
    }

    /// <summary>
    /// The last step of a deletion request on the appointment: its customer id becomes <see cref="ErasedCustomer.Id"/> (a
    /// demo or imported id may spell the name, and no caller may act on it any more). Only that column changes. Idempotent.
    /// </summary>
    public async Task DetachCustomerAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var row = new Azure.Data.Tables.TableEntity(ScheduleKeys.Partition(appointment.TenantId, DayOf(appointment)), ScheduleKeys.Appointment(appointment.Id))
        {
            ["CustomerId"] = ErasedCustomer.Id,
        };
        await tables.Schedule.UpdateEntityAsync(row, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, cancellationToken);
    }
}
