using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Storage;

/// <summary>The table clients, created once: Azurite through a connection string, Azure through a managed identity.</summary>
public sealed class VoiceAgentTables
{
    private readonly TableServiceClient _service;

    public VoiceAgentTables(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);

        _service = !string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new TableServiceClient(settings.ConnectionString, clientOptions)
            : new TableServiceClient(
                settings.TableServiceUri ?? throw new InvalidOperationException("Storage: set ConnectionString or TableServiceUri."),
                Credential(settings),
                clientOptions);

        Tenants = _service.GetTableClient(settings.TenantsTable);
        TenantNumbers = _service.GetTableClient(settings.TenantNumbersTable);
        Customers = _service.GetTableClient(settings.CustomersTable);
        CustomerPhones = _service.GetTableClient(settings.CustomerPhonesTable);
        Calls = _service.GetTableClient(settings.CallsTable);
        Turns = _service.GetTableClient(settings.TurnsTable);
        Schedule = _service.GetTableClient(settings.ScheduleTable);
        Staff = _service.GetTableClient(settings.StaffTable);
        FollowUps = _service.GetTableClient(settings.FollowUpsTable);
        SmsOptOuts = _service.GetTableClient(settings.SmsOptOutsTable);
    }

    public TableClient Tenants { get; }
    public TableClient TenantNumbers { get; }
    public TableClient Customers { get; }
    public TableClient CustomerPhones { get; }
    public TableClient Calls { get; }
    public TableClient Turns { get; }
    public TableClient Schedule { get; }
    public TableClient Staff { get; }
    public TableClient FollowUps { get; }
    public TableClient SmsOptOuts { get; }

    public IEnumerable<TableClient> All => [Tenants, TenantNumbers, Customers, CustomerPhones, Calls, Turns, Schedule, Staff, FollowUps, SmsOptOuts];

    public async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }

    internal static TokenCredential Credential(StorageOptions settings) =>
        string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId));
}
