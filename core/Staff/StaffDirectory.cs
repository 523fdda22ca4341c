using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Staff;

/// <summary>Which tenant each staff member (by Entra object id) works for, in Azure Tables.</summary>
public sealed class StaffDirectory(VoiceAgentTables tables)
{
    public const string Partition = "staff";

    public async Task AddAsync(string userId, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        await tables.Staff.UpsertEntityAsync(new TableEntity(Partition, userId) { ["TenantId"] = tenantId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> FindTenantAsync(string userId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await tables.Staff.GetEntityIfExistsAsync<TableEntity>(Partition, userId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("TenantId") : null;
    }
}
