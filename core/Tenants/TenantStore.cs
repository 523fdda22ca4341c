using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Tenants;

/// <summary>Tenant profiles (one row per tenant) and the dialed-number → tenant map, in Azure Tables.</summary>
public sealed class TenantStore(VoiceAgentTables tables)
{
    private const string ProfilePartition = "tenant";
    private const string NumberRow = "tenant";
    private const string ActiveColumn = "Active";

    /// <summary>Writes the profile (active) and maps every one of its numbers to it.</summary>
    public async Task SaveAsync(TenantProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var row = new TableEntity(ProfilePartition, profile.Id)
        {
            ["Name"] = profile.Name,
            ["PhoneNumber"] = profile.PhoneNumber,
            ["Profile"] = StorageJson.Serialize(profile),
            [ActiveColumn] = true,
        };
        await tables.Tenants.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        foreach (var number in profile.Numbers)
        {
            await MapNumberAsync(number, profile.Id, cancellationToken);
        }
    }

    /// <summary>The stored row as it is: the profile, its JSON as stored, whether it takes calls, and its ETag.</summary>
    public async Task<StoredTenant?> FindStoredAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await tables.Tenants.GetEntityIfExistsAsync<TableEntity>(ProfilePartition, tenantId, cancellationToken: cancellationToken);
        return row.HasValue ? Stored(row.Value!) : null;
    }

    /// <summary>Every stored tenant, deactivated ones included (<c>tools/tenant list</c>).</summary>
    public async Task<IReadOnlyList<StoredTenant>> ListStoredAsync(CancellationToken cancellationToken)
    {
        var tenants = new List<StoredTenant>();
        await foreach (var row in tables.Tenants.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ProfilePartition}"), cancellationToken: cancellationToken))
        {
            tenants.Add(Stored(row));
        }

        return tenants;
    }

    /// <summary>
    /// Stops the tenant taking calls: its numbers no longer reach it and the reminder sweep passes it by. Its customers,
    /// appointments and calls stay; applying its profile again reactivates it. False when there is no such tenant.
    /// </summary>
    public async Task<bool> DeactivateAsync(string tenantId, CancellationToken cancellationToken)
    {
        var stored = await FindStoredAsync(tenantId, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        foreach (var number in stored.Profile.Numbers)
        {
            await UnmapNumberAsync(number, tenantId, cancellationToken);
        }

        await tables.Tenants.UpdateEntityAsync(new TableEntity(ProfilePartition, tenantId) { [ActiveColumn] = false }, stored.ETag, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>Calls to <paramref name="e164"/> stop reaching <paramref name="tenantId"/> (a number another tenant now owns is left alone).</summary>
    public async Task UnmapNumberAsync(string e164, string tenantId, CancellationToken cancellationToken)
    {
        if (await FindTenantIdByNumberAsync(e164, cancellationToken) == tenantId)
        {
            await tables.TenantNumbers.DeleteEntityAsync(e164, NumberRow, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Calls to <paramref name="e164"/> reach <paramref name="tenantId"/> (a tenant may answer several numbers).</summary>
    public async Task MapNumberAsync(string e164, string tenantId, CancellationToken cancellationToken) =>
        await tables.TenantNumbers.UpsertEntityAsync(new TableEntity(e164, NumberRow) { ["TenantId"] = tenantId }, TableUpdateMode.Replace, cancellationToken);

    public async Task<TenantProfile?> FindAsync(string tenantId, CancellationToken cancellationToken) =>
        (await FindStoredAsync(tenantId, cancellationToken))?.Profile;

    /// <summary>Every active tenant's profile (the reminder sweep visits each; a deactivated tenant is passed by).</summary>
    public async Task<IReadOnlyList<TenantProfile>> ListAsync(CancellationToken cancellationToken)
    {
        var profiles = new List<TenantProfile>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ProfilePartition}");
        await foreach (var row in tables.Tenants.QueryAsync<TableEntity>(filter, select: ["Profile", ActiveColumn], cancellationToken: cancellationToken))
        {
            if (IsActive(row))
            {
                profiles.Add(StorageJson.Deserialize<TenantProfile>(row.GetString("Profile")));
            }
        }

        return profiles;
    }

    public async Task<string?> FindTenantIdByNumberAsync(string e164, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await tables.TenantNumbers.GetEntityIfExistsAsync<TableEntity>(e164, NumberRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("TenantId") : null;
    }

    /// <summary>Rows written before deactivation existed have no <c>Active</c> column: they are active.</summary>
    private static bool IsActive(TableEntity row) => row.GetBoolean(ActiveColumn) ?? true;

    private static StoredTenant Stored(TableEntity row)
    {
        var json = row.GetString("Profile");
        return new StoredTenant(StorageJson.Deserialize<TenantProfile>(json), json, IsActive(row), row.ETag);
    }
}

/// <summary>A tenant's row as stored: its profile, the profile's JSON, whether it takes calls, and the row's ETag.</summary>
public sealed record StoredTenant(TenantProfile Profile, string Json, bool Active, ETag ETag);
