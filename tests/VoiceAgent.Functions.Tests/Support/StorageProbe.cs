using Azure.Data.Tables;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>Reads what the app wrote to Azurite, to assert on storage rather than on what the agent said.</summary>
public sealed class StorageProbe(string connectionString, FunctionsApp app)
{
    private readonly TableServiceClient _service = new(connectionString);

    public async Task<int> CountRowsAsync(string table)
    {
        var count = 0;
        await foreach (var _ in _service.GetTableClient(app.TableName(table)).QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    public async Task<TableEntity?> CallAsync(string callSid)
    {
        var row = await _service.GetTableClient(app.TableName("Calls")).GetEntityIfExistsAsync<TableEntity>(Core.Tenants.DemoTenant.Id, callSid);
        return row.HasValue ? row.Value : null;
    }
}
