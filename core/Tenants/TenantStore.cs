using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Tenants;

/// <summary>Tenant profiles (one row per tenant) and the dialed-number → tenant map, in Azure Tables.</summary>
public sealed class TenantStore(VoiceAgentTables tables)
{
    private const string ProfilePartition = "tenant";
    private const string NumberRow = "tenant";

    public async Task SaveAsync(TenantProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var row = new TableEntity(ProfilePartition, profile.Id)
        {
            ["Name"] = profile.Name,
            ["PhoneNumber"] = profile.PhoneNumber,
            ["Profile"] = StorageJson.Serialize(profile),
        };
        await tables.Tenants.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        await MapNumberAsync(profile.PhoneNumber, profile.Id, cancellationToken);
    }

    /// <summary>Calls to <paramref name="e164"/> reach <paramref name="tenantId"/> (a tenant may answer several numbers).</summary>
    public async Task MapNumberAsync(string e164, string tenantId, CancellationToken cancellationToken) =>
        await tables.TenantNumbers.UpsertEntityAsync(new TableEntity(e164, NumberRow) { ["TenantId"] = tenantId }, TableUpdateMode.Replace, cancellationToken);

    public async Task<TenantProfile?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await tables.Tenants.GetEntityIfExistsAsync<TableEntity>(ProfilePartition, tenantId, cancellationToken: cancellationToken);
        return row.HasValue ? StorageJson.Deserialize<TenantProfile>(row.Value!.GetString("Profile")) : null;
    }

    /// <summary>Every tenant's profile (the reminder sweep visits each).</summary>
    public async Task<IReadOnlyList<TenantProfile>> ListAsync(CancellationToken cancellationToken)
    {
        var profiles = new List<TenantProfile>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ProfilePartition}");
        await foreach (var row in tables.Tenants.QueryAsync<TableEntity>(filter, select: ["Profile"], cancellationToken: cancellationToken))
        {
            profiles.Add(StorageJson.Deserialize<TenantProfile>(row.GetString("Profile")));
        }

        return profiles;
    }

    public async Task<string?> FindTenantIdByNumberAsync(string e164, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await tables.TenantNumbers.GetEntityIfExistsAsync<TableEntity>(e164, NumberRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("TenantId") : null;
    }
}
