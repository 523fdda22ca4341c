using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Calls;

/// <summary>Call sessions (partition = tenant, row = CallSid) and their turns, in Azure Tables.</summary>
public sealed class CallSessionStore(VoiceAgentTables tables)
{
    /// <summary>The most operations one table transaction takes.</summary>
    private const int MaxBatch = 100;

    /// <summary>Creates the session, or returns the existing one when Twilio retries the first webhook.</summary>
    public async Task<CallSession> CreateOrGetAsync(CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            var response = await tables.Calls.AddEntityAsync(ToEntity(session), cancellationToken);
            return session with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(session.TenantId, session.CallSid, cancellationToken)
                ?? throw new InvalidOperationException("The call session vanished while it was being created.", ex);
        }
    }

    public async Task<CallSession?> FindAsync(string tenantId, string callSid, CancellationToken cancellationToken)
    {
        var row = await tables.Calls.GetEntityIfExistsAsync<TableEntity>(tenantId, callSid, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>The tenant's calls that started at or after <paramref name="since"/>, newest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<CallSession>> ListSinceAsync(string tenantId, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var calls = new List<CallSession>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and StartedAt ge {since.ToUniversalTime()}");
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            calls.Add(FromEntity(row));
        }

        return [.. calls.OrderByDescending(c => c.StartedAt).Take(max)];
    }

    /// <summary>
    /// Deletes the tenant's calls that started before <paramref name="cutoff"/>: each call's turns (its transcript), then
    /// its row (the dialog, the summary). Appointments are not touched. Idempotent: an interrupted purge is finished by the
    /// next one. Returns how many calls went.
    /// </summary>
    public async Task<int> PurgeStartedBeforeAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var old = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and StartedAt lt {cutoff.ToUniversalTime()}");
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(row.RowKey);
        }

        foreach (var callSid in old)
        {
            await DeleteCallAsync(tenantId, callSid, cancellationToken);
        }

        return old.Count;
    }

    /// <summary>
    /// Deletes every call of one customer in the tenant, for a deletion request: the calls recorded under
    /// <paramref name="customerId"/>, the calls from any of <paramref name="phoneNumbers"/> (E.164), and
    /// <paramref name="callSids"/> (the calls their appointments name), each with its turns. Idempotent.
    /// </summary>
    public async Task<CallPurge> PurgeCustomerCallsAsync(
        string tenantId, string customerId, IReadOnlyCollection<string> phoneNumbers, IReadOnlyCollection<string> callSids, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentNullException.ThrowIfNull(phoneNumbers);
        ArgumentNullException.ThrowIfNull(callSids);
        var theirs = new HashSet<string>(callSids, StringComparer.Ordinal);
        IEnumerable<string> whose = [TableClient.CreateQueryFilter($"CustomerId eq {customerId}"), .. phoneNumbers.Select(p => TableClient.CreateQueryFilter($"CallerNumber eq {p}"))];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}") + " and (" + string.Join(" or ", whose) + ")";

        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            theirs.Add(row.RowKey);
        }

        var purge = new CallPurge(0, 0);
        foreach (var callSid in theirs)
        {
            var (found, turns) = await DeleteCallAsync(tenantId, callSid, cancellationToken);
            purge = new CallPurge(purge.Calls + (found ? 1 : 0), purge.Turns + turns);
        }

        return purge;
    }

    /// <summary>One call's turns (its transcript), then its row (the dialog, the summary). Whether the row was there, and how many turns went.</summary>
    private async Task<(bool Found, int Turns)> DeleteCallAsync(string tenantId, string callSid, CancellationToken cancellationToken)
    {
        var turns = new List<TableTransactionAction>();
        await foreach (var turn in tables.Turns.QueryAsync<TableEntity>(e => e.PartitionKey == TurnPartition(tenantId, callSid), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            turns.Add(new TableTransactionAction(TableTransactionActionType.Delete, turn, ETag.All));
        }

        foreach (var batch in turns.Chunk(MaxBatch))
        {
            await tables.Turns.SubmitTransactionAsync(batch, cancellationToken);
        }

        try
        {
            await tables.Calls.DeleteEntityAsync(tenantId, callSid, ETag.All, cancellationToken);
            return (true, turns.Count);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (false, turns.Count);
        }
    }

    /// <summary>Saves the session if nobody else changed it since it was read; false on an ETag conflict.</summary>
    public async Task<bool> TrySaveAsync(CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            await tables.Calls.UpdateEntityAsync(ToEntity(session), new ETag(session.ETag!), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Records how the call ended. Idempotent: a repeated callback writes the same values again.</summary>
    public async Task RecordEndAsync(string tenantId, string callSid, string status, int? durationSeconds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = new TableEntity(tenantId, callSid)
        {
            ["Status"] = status,
            ["DurationSeconds"] = durationSeconds,
        };
        if (CallStatuses.IsFinal(status))
        {
            row["EndedAt"] = at;
        }

        await tables.Calls.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Records why the real-time session gave the call back (<see cref="CallSession.RealtimeEndReason"/>), merged into the
    /// row without its ETag: the session is letting go of the call, and nothing else writes this property.
    /// </summary>
    public async Task RecordRealtimeEndAsync(string tenantId, string callSid, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await tables.Calls.UpdateEntityAsync(new TableEntity(tenantId, callSid) { ["RealtimeEndReason"] = reason }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Keeps the finished call's <paramref name="wrapUp"/> on its row (<c>Outcome</c> for filtering, the whole as JSON),
    /// merged without its ETag: the call is over, and a repeated status callback writes the same again.
    /// </summary>
    public async Task RecordWrapUpAsync(string tenantId, string callSid, CallWrapUp wrapUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapUp);
        var row = new TableEntity(tenantId, callSid) { ["Outcome"] = wrapUp.Outcome, ["WrapUp"] = StorageJson.Serialize(wrapUp) };
        await tables.Calls.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task AppendTurnAsync(string tenantId, string callSid, CallTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var row = new TableEntity(TurnPartition(tenantId, callSid), turn.Index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["CallerSpeech"] = turn.CallerSpeech,
            ["CallerDigits"] = turn.CallerDigits,
            ["Confidence"] = turn.Confidence,
            ["AgentSpeech"] = turn.AgentSpeech,
            ["Action"] = turn.Action,
            ["At"] = turn.At,
            ["ElapsedMs"] = turn.ElapsedMilliseconds,
        };
        await tables.Turns.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<CallTurn>> ListTurnsAsync(string tenantId, string callSid, CancellationToken cancellationToken)
    {
        var turns = new List<CallTurn>();
        await foreach (var row in tables.Turns.QueryAsync<TableEntity>(e => e.PartitionKey == TurnPartition(tenantId, callSid), cancellationToken: cancellationToken))
        {
            turns.Add(new CallTurn(
                int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture),
                row.GetString("CallerSpeech"),
                row.GetString("CallerDigits"),
                row.GetDouble("Confidence"),
                row.GetString("AgentSpeech"),
                row.GetString("Action"),
                row.GetDateTimeOffset("At") ?? default,
                row.GetDouble("ElapsedMs") ?? 0));
        }

        return turns;
    }

    private static string TurnPartition(string tenantId, string callSid) => $"{tenantId}|{callSid}";
    /// <summary>Notes that the caller heard the apology fallback, merged without the ETag; false when there is no such call.</summary>
    public async Task<bool> RecordApologyAsync(string tenantId, string callSid, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Calls.UpdateEntityAsync(new TableEntity(tenantId, callSid) { ["HeardApology"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Marks message <paramref name="index"/> of the call's messages for staff done (or not done again), guarded by the
    /// row's ETag so a turn saved at the same moment is not overwritten. False when the call or the message is not there.
    /// </summary>
    public async Task<bool> SetMessageDoneAsync(string tenantId, string callSid, int index, bool done, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await FindAsync(tenantId, callSid, cancellationToken) is not { } call || index < 0 || index >= call.Dialog.MessagesForStaff.Count)
            {
                return false;
            }

            var marked = done ? call.MessagesDone.Union([index]).Order().ToList() : call.MessagesDone.Where(i => i != index).ToList();
            var row = new TableEntity(tenantId, callSid) { ["MessagesDone"] = WriteIndexes(marked) };
            try
            {
                await tables.Calls.UpdateEntityAsync(row, new ETag(call.ETag!), TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // the call changed since it was read (a turn, the wrap-up): read it again
            }
        }
    }

    private static string WriteIndexes(IReadOnlyList<int> indexes) => string.Join(',', indexes.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static List<int> ReadIndexes(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Characters of the dialog JSON in one table property (a string property holds at most 32K characters).</summary>
    internal const int DialogChunk = 30_000;

    /// <summary>A dialog longer than one property (the model's history) spans <c>Dialog</c>, <c>Dialog1</c>, <c>Dialog2</c>, … (an entity holds 1 MB).</summary>
    private static void WriteDialog(TableEntity row, DialogState dialog)
    {
        var json = StorageJson.Serialize(dialog);
        for (int part = 0, at = 0; at < json.Length || part == 0; part++, at += DialogChunk)
        {
            row[DialogProperty(part)] = json.Substring(at, Math.Min(DialogChunk, json.Length - at));
        }
    }

    private static DialogState ReadDialog(TableEntity row)
    {
        if (row.GetString(DialogProperty(0)) is not { } first)
        {
            return new DialogState();
        }

        var json = new System.Text.StringBuilder(first);
        for (var part = 1; row.GetString(DialogProperty(part)) is { } next; part++)
        {
            json.Append(next);
        }

        return StorageJson.Deserialize<DialogState>(json.ToString());
    }

    private static string DialogProperty(int part) => part == 0 ? "Dialog" : "Dialog" + part.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(CallSession session)
    {
        var row = new TableEntity(session.TenantId, session.CallSid)
        {
            ["CallerNumber"] = session.CallerNumber,
            ["CustomerId"] = session.CustomerId,
            ["CustomerFirstName"] = session.CustomerFirstName,
            ["StartedAt"] = session.StartedAt,
            ["Status"] = session.Status,
            ["EndedAt"] = session.EndedAt,
            ["DurationSeconds"] = session.DurationSeconds,
            ["TransferredTo"] = session.TransferredTo,
            ["RealtimeEndReason"] = session.RealtimeEndReason,
            ["TurnCount"] = session.TurnCount,
            ["LastTurnToken"] = session.LastTurnToken,
            ["LastTurnTwiml"] = session.LastTurnTwiml,
            ["Outcome"] = session.WrapUp?.Outcome,
            ["WrapUp"] = session.WrapUp is { } wrapUp ? StorageJson.Serialize(wrapUp) : null,
            ["MessagesDone"] = WriteIndexes(session.MessagesDone),
            ["HeardApology"] = session.HeardApology ? true : null,
        };
        WriteDialog(row, session.Dialog);
        return row;
    }

    private static CallSession FromEntity(TableEntity row) => new()
    {
        TenantId = row.PartitionKey,
        CallSid = row.RowKey,
        CallerNumber = row.GetString("CallerNumber") ?? string.Empty,
        CustomerId = row.GetString("CustomerId"),
        CustomerFirstName = row.GetString("CustomerFirstName"),
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
        Status = row.GetString("Status") ?? CallStatuses.InProgress,
        EndedAt = row.GetDateTimeOffset("EndedAt"),
        DurationSeconds = row.GetInt32("DurationSeconds"),
        TransferredTo = row.GetString("TransferredTo"),
        RealtimeEndReason = row.GetString("RealtimeEndReason"),
        WrapUp = row.GetString("WrapUp") is { } wrapUp ? StorageJson.Deserialize<CallWrapUp>(wrapUp) : null,
        TurnCount = row.GetInt32("TurnCount") ?? 0,
        Dialog = ReadDialog(row),
        MessagesDone = ReadIndexes(row.GetString("MessagesDone")),
        HeardApology = row.GetBoolean("HeardApology") ?? false,
        LastTurnToken = row.GetString("LastTurnToken"),
        LastTurnTwiml = row.GetString("LastTurnTwiml"),
        ETag = row.ETag.ToString(),
    };
}
