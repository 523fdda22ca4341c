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

    public async Task<string?> FindTenantIdByNumberAsync(string e164, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await tables.TenantNumbers.GetEntityIfExistsAsync<TableEntity>(e164, NumberRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("TenantId") : null;
    }
}
