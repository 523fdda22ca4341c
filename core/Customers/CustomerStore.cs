using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Customers;

/// <summary>Customers (partitioned by tenant) and their phone index. PINs are stored only as salted hashes.</summary>
public sealed class CustomerStore(VoiceAgentTables tables)
{
    public async Task SaveAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var row = new TableEntity(customer.TenantId, customer.Id)
        {
            ["FirstName"] = customer.FirstName,
            ["LastName"] = customer.LastName,
            ["PhoneNumber"] = customer.PhoneNumber,
            ["Vehicles"] = StorageJson.Serialize(customer.Vehicles),
        };
        if (customer.Pin is { } pin)
        {
            row["PinHash"] = PinHash.Create(pin);
        }

        await tables.Customers.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        await tables.CustomerPhones.UpsertEntityAsync(
            new TableEntity(customer.TenantId, customer.PhoneNumber) { ["CustomerId"] = customer.Id },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<Customer?> FindByPhoneAsync(string tenantId, string e164, CancellationToken cancellationToken)
    {
        var index = await tables.CustomerPhones.GetEntityIfExistsAsync<TableEntity>(tenantId, e164, cancellationToken: cancellationToken);
        return index.HasValue ? await FindAsync(tenantId, index.Value!.GetString("CustomerId"), cancellationToken) : null;
    }

    /// <summary>True when <paramref name="pin"/> matches the customer's stored PIN hash.</summary>
    public async Task<bool> VerifyPinAsync(string tenantId, string customerId, string pin, CancellationToken cancellationToken)
    {
        var row = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(tenantId, customerId, ["PinHash"], cancellationToken);
        return row.HasValue && row.Value!.GetString("PinHash") is { } hash && PinHash.Verify(pin, hash);
    }

    public async Task<Customer?> FindAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        var row = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(tenantId, customerId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var entity = row.Value!;
        return new Customer
        {
            Id = entity.RowKey,
            TenantId = entity.PartitionKey,
            FirstName = entity.GetString("FirstName"),
            LastName = entity.GetString("LastName") ?? string.Empty,
            PhoneNumber = entity.GetString("PhoneNumber"),
            Vehicles = entity.GetString("Vehicles") is { } vehicles ? StorageJson.Deserialize<List<Vehicle>>(vehicles) : [],
        };
    }
}
