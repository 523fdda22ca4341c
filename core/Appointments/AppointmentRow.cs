using System.Globalization;
using Azure.Data.Tables;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Appointments;

/// <summary>
/// How an <see cref="Appointment"/> is laid out in its Schedule row: plain columns, the reminder state in five columns
/// (so it can be read and written alone), and one JSON column per notice.
/// </summary>
internal static class AppointmentRow
{
    public const string ReminderOutcomeColumn = "ReminderOutcome";
    public const string ReminderAttemptsColumn = "ReminderAttempts";
    public const string ReminderNextAtColumn = "ReminderNextAt";
    public const string ReminderCallSidColumn = "ReminderCallSid";
    public const string ReminderUpdatedAtColumn = "ReminderUpdatedAt";

    public static TableEntity ToEntity(Appointment a, string partition)
    {
        var row = new TableEntity(partition, ScheduleKeys.Appointment(a.Id))
        {
            ["TenantId"] = a.TenantId,
            ["CustomerId"] = a.CustomerId,
            ["CustomerPhone"] = a.CustomerPhone,
            ["CustomerName"] = a.CustomerName,
            ["Service"] = a.Service,
            ["Start"] = a.Start.ToUniversalTime(),
            ["End"] = a.End.ToUniversalTime(),
            ["Status"] = a.Status.ToString(),
            ["Vehicle"] = a.Vehicle is null ? null : StorageJson.Serialize(a.Vehicle),
            ["Channel"] = a.Channel,
            ["CallSid"] = a.CallSid,
            ["CreatedAt"] = a.CreatedAt.ToUniversalTime(),
            ["CancelledAt"] = a.CancelledAt?.ToUniversalTime(),
            ["RescheduledTo"] = a.RescheduledTo,
            ["CalendarEventId"] = a.CalendarEventId,
        };
        WriteReminder(row, a.Reminder);
        foreach (var notice in a.Notices.Values)
        {
            row[NoticeKeys.Column(notice.Key)] = StorageJson.Serialize(notice);
        }

        return row;
    }

    public static Appointment FromEntity(TableEntity row) => new()
    {
        Id = row.RowKey[ScheduleKeys.AppointmentPrefix.Length..],
        TenantId = row.GetString("TenantId"),
        CustomerId = row.GetString("CustomerId"),
        CustomerPhone = row.GetString("CustomerPhone") ?? string.Empty,
        CustomerName = row.GetString("CustomerName") ?? string.Empty,
        Service = row.GetString("Service"),
        Start = row.GetDateTimeOffset("Start") ?? default,
        End = row.GetDateTimeOffset("End") ?? default,
        Status = Enum.TryParse<AppointmentStatus>(row.GetString("Status"), out var status) ? status : AppointmentStatus.Booked,
        Vehicle = row.GetString("Vehicle") is { } vehicle ? StorageJson.Deserialize<Vehicle>(vehicle) : null,
        Channel = row.GetString("Channel") ?? "voice",
        CallSid = row.GetString("CallSid"),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CancelledAt = row.GetDateTimeOffset("CancelledAt"),
        RescheduledTo = row.GetString("RescheduledTo"),
        CalendarEventId = row.GetString("CalendarEventId"),
        Reminder = ReadReminder(row),
        Notices = ReadNotices(row),
        Day = DayOfPartition(row.PartitionKey),
    };

    /// <summary>Sets the five reminder columns; empty values are removed, so a replace clears them.</summary>
    public static void WriteReminder(TableEntity row, ReminderStatus status)
    {
        row[ReminderOutcomeColumn] = status.Outcome.ToString();
        row[ReminderAttemptsColumn] = status.Attempts;
        Set(row, ReminderNextAtColumn, status.NextAttemptAt?.ToUniversalTime());
        Set(row, ReminderCallSidColumn, status.CallSid);
        Set(row, ReminderUpdatedAtColumn, status.UpdatedAt?.ToUniversalTime());
    }

    public static ReminderStatus ReadReminder(TableEntity row) =>
        Enum.TryParse<ReminderOutcome>(row.GetString(ReminderOutcomeColumn), out var outcome)
            ? new ReminderStatus(outcome, row.GetInt32(ReminderAttemptsColumn) ?? 0, row.GetDateTimeOffset(ReminderNextAtColumn), row.GetString(ReminderCallSidColumn), row.GetDateTimeOffset(ReminderUpdatedAtColumn))
            : ReminderStatus.None;

    public static Notice? ReadNotice(TableEntity row, string key) =>
        row.GetString(NoticeKeys.Column(key)) is { Length: > 0 } json ? StorageJson.Deserialize<Notice>(json) : null;

    private static Dictionary<string, Notice> ReadNotices(TableEntity row)
    {
        var notices = new Dictionary<string, Notice>(StringComparer.Ordinal);
        foreach (var (column, value) in row)
        {
            if (column.StartsWith(NoticeKeys.ColumnPrefix, StringComparison.Ordinal) && value is string { Length: > 0 } json)
            {
                var notice = StorageJson.Deserialize<Notice>(json);
                notices[notice.Key] = notice;
            }
        }

        return notices;
    }

    /// <summary>The local day of a Schedule partition key (<c>tenant|yyyy-MM-dd</c>).</summary>
    private static DateOnly? DayOfPartition(string partition)
    {
        var bar = partition.LastIndexOf('|');
        return bar >= 0 && DateOnly.TryParseExact(partition.AsSpan(bar + 1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    private static void Set(TableEntity row, string column, object? value)
    {
        if (value is null)
        {
            row.Remove(column);
        }
        else
        {
            row[column] = value;
        }
    }
}
