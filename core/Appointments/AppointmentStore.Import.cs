using Azure.Data.Tables;

namespace VoiceAgent.Core.Appointments;

public sealed partial class AppointmentStore
{
    private const int MaxBatch = 100;

    /// <summary>
    /// Brings existing bookings into days that hold none yet (a shop's book moved over from another system, a load
    /// test): each day's appointments and the capacity cells they take, written in entity-group transactions of at most
    /// 100 rows, several days at once. No capacity check is made: the book being imported is the truth. Not for live booking (use TryBookAsync).
    /// </summary>
    /// <param name="bookings">Each appointment with its tenant-local day and the UTC starts of the grid cells it covers.</param>
    public async Task ImportAsync(IEnumerable<(Appointment Appointment, DateOnly Day, IReadOnlyList<DateTimeOffset> Cells)> bookings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var days = bookings.GroupBy(b => ScheduleKeys.Partition(b.Appointment.TenantId, b.Day)).ToList();
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (day, ct) =>
        {
            var rows = day.Select(b => AppointmentRow.ToEntity(b.Appointment, day.Key)).ToList();
            rows.AddRange(day
                .Where(b => b.Appointment.Status == AppointmentStatus.Booked)
                .SelectMany(b => b.Cells.Select(c => ScheduleKeys.Cell(b.Appointment.Service, c)))
                .GroupBy(key => key, StringComparer.Ordinal)
                .Select(cell => Cell(day.Key, cell.Key, cell.Count())));
            foreach (var batch in rows.Chunk(MaxBatch))
            {
                await tables.Schedule.SubmitTransactionAsync([.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))], ct);
            }
        });
    }
}
