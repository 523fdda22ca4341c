using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Workflows;

/// <summary>
/// The FollowUps outbox: one row per booking change (partition = tenant, row key = <c>{callSid or -}|{appointment}|{kind}</c>)
/// while its follow-up is pending or has failed. Recording is an idempotent upsert, so a retried webhook records the same
/// change once; a completed follow-up deletes its row.
/// </summary>
public sealed class FollowUpStore(VoiceAgentTables tables, TimeProvider? time = null)
{
    private const string Pending = "pending";
    private const string Failed = "failed";
    private const string NoCall = "-";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Records <paramref name="change"/> as pending (again, if it was there already).</summary>
    public async Task RecordAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await tables.FollowUps.UpsertEntityAsync(ToEntity(change, Pending), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The pending changes one call made (a range query on its row-key prefix).</summary>
    public async Task<IReadOnlyList<AppointmentChange>> PendingForCallAsync(string tenantId, string callSid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        var prefix = callSid + "|";
        var upper = callSid + (char)('|' + 1);
        return await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {upper} and State eq {Pending}"), cancellationToken);
    }

    /// <summary>The tenant's pending changes recorded before <paramref name="recordedBefore"/> (for the sweep to start again).</summary>
    public Task<IReadOnlyList<AppointmentChange>> PendingAsync(string tenantId, DateTimeOffset recordedBefore, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and State eq {Pending} and At lt {recordedBefore.ToUniversalTime()}"), cancellationToken);

    /// <summary>The follow-up is done: its row goes. Idempotent.</summary>
    public async Task CompleteAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await tables.FollowUps.DeleteEntityAsync(change.TenantId, RowKey(change), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already completed.
        }
    }

    /// <summary>
    /// A step still failed after its retries: the row is kept as failed with the step and why, for staff and the re-drive
    /// command. Several failed steps of one change are listed together.
    /// </summary>
    public async Task FailAsync(AppointmentChange change, string step, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        var existing = await tables.FollowUps.GetEntityIfExistsAsync<TableEntity>(change.TenantId, RowKey(change), cancellationToken: cancellationToken);
        var row = ToEntity(change, Failed);
        row["Step"] = step;
        row["Reason"] = reason;
        if (existing.HasValue && existing.Value!.GetString("State") == Failed && existing.Value.GetString("Step") is { Length: > 0 } steps)
        {
            var earlier = steps.Split(", ");
            if (!earlier.Contains(step, StringComparer.Ordinal))
            {
                row["Step"] = $"{steps}, {step}";
                row["Reason"] = $"{existing.Value.GetString("Reason")} | {reason}";
            }
            else
            {
                row["Step"] = steps;
            }
        }

        row["FailedAt"] = _time.GetUtcNow().ToUniversalTime();
        await tables.FollowUps.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The tenant's failed follow-ups, for staff and the re-drive command.</summary>
    public async Task<IReadOnlyList<FollowUpFailure>> FailedAsync(string tenantId, CancellationToken cancellationToken)
    {
        var failures = new List<FollowUpFailure>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and State eq {Failed}");
        await foreach (var row in tables.FollowUps.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            failures.Add(new FollowUpFailure(FromEntity(row), row.GetString("Step") ?? string.Empty, row.GetString("Reason") ?? string.Empty, row.GetDateTimeOffset("FailedAt") ?? default));
        }

        return [.. failures.OrderBy(f => f.FailedAt)];
    }

    /// <summary>A failed follow-up back to pending (the re-drive command then starts it again).</summary>
    public Task RetryAsync(AppointmentChange change, CancellationToken cancellationToken) => RecordAsync(change, cancellationToken);

    /// <summary>
    /// Deletes the rows of changes to any of <paramref name="appointmentIds"/> (a deletion request: a failure's reason may
    /// quote the customer's number, and the erasure does what their follow-ups would still have done). Idempotent.
    /// </summary>
    public async Task<int> DeleteForAppointmentsAsync(string tenantId, IReadOnlyCollection<string> appointmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointmentIds);
        var ids = new HashSet<string>(appointmentIds, StringComparer.Ordinal);
        var theirs = new List<TableEntity>();
        await foreach (var row in tables.FollowUps.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), select: ["PartitionKey", "RowKey", "AppointmentId", "ReplacesId"], cancellationToken: cancellationToken))
        {
            if (ids.Contains(row.GetString("AppointmentId") ?? string.Empty) || ids.Contains(row.GetString("ReplacesId") ?? string.Empty))
            {
                theirs.Add(row);
            }
        }

        var deleted = 0;
        foreach (var row in theirs)
        {
            try
            {
                await tables.FollowUps.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Completed meanwhile.
            }
        }

        return deleted;
    }

    private async Task<IReadOnlyList<AppointmentChange>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var changes = new List<AppointmentChange>();
        await foreach (var row in tables.FollowUps.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            changes.Add(FromEntity(row));
        }

        return [.. changes.OrderBy(c => c.At)];
    }

    private static string RowKey(AppointmentChange change) => $"{change.CallSid ?? NoCall}|{change.AppointmentId}|{change.KindName}";

    private static TableEntity ToEntity(AppointmentChange change, string state) => new(change.TenantId, RowKey(change))
    {
        ["AppointmentId"] = change.AppointmentId,
        ["Kind"] = change.Kind.ToString(),
        ["ReplacesId"] = change.ReplacesId,
        ["CallSid"] = change.CallSid,
        ["At"] = change.At.ToUniversalTime(),
        ["State"] = state,
    };

    private static AppointmentChange FromEntity(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("AppointmentId"),
        Enum.Parse<ChangeKind>(row.GetString("Kind")),
        row.GetString("ReplacesId"),
        row.GetString("CallSid"),
        row.GetDateTimeOffset("At") ?? default);
}
