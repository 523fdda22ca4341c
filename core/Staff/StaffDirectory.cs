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

    /// <summary>The staff members who sign in to <paramref name="tenantId"/>.</summary>
    public async Task<IReadOnlyList<string>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var users = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and TenantId eq {tenantId}");
        await foreach (var row in tables.Staff.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            users.Add(row.RowKey);
        }

        return users;
    }

    /// <summary>The staff member can no longer sign in (to any tenant).</summary>
    public async Task RemoveAsync(string userId, CancellationToken cancellationToken) =>
        await tables.Staff.DeleteEntityAsync(Partition, userId, cancellationToken: cancellationToken);
}
