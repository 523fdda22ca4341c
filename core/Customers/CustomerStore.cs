using Azure;
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
            ["NameKey"] = CustomerName.Key(customer.FullName),
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

    /// <summary>
    /// The customers whose full name is <paramref name="fullName"/> (case, accents and punctuation aside), with whether each
    /// has a PIN. A server-side filter on the tenant's partition; for a caller proving who they are from another phone.
    /// </summary>
    public async Task<IReadOnlyList<NamedCustomer>> FindByNameAsync(string tenantId, string fullName, CancellationToken cancellationToken)
    {
        var key = CustomerName.Key(fullName);
        if (key.Length == 0)
        {
            return [];
        }

        var found = new List<NamedCustomer>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and NameKey eq {key}");
        await foreach (var row in tables.Customers.QueryAsync<TableEntity>(filter, select: ["RowKey", "PinHash"], cancellationToken: cancellationToken))
        {
            found.Add(new NamedCustomer(row.RowKey, !string.IsNullOrEmpty(row.GetString("PinHash"))));
        }

        return found;
    }

    /// <summary>Wrong PINs in a row, across calls, that lock the account's PIN for <see cref="PinLockout"/>.</summary>
    public const int MaxPinFailures = 5;

    public static readonly TimeSpan PinLockout = TimeSpan.FromHours(1);

    /// <summary>
    /// Checks a PIN against the stored hash. Wrong PINs are counted on the customer row across calls; after
    /// <see cref="MaxPinFailures"/> in a row the PIN is locked for <see cref="PinLockout"/>, whatever is entered.
    /// </summary>
    public async Task<PinVerification> VerifyPinAsync(string tenantId, string customerId, string pin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(tenantId, customerId, ["PinHash", "PinFailures", "PinLockedUntil"], cancellationToken);
        if (!row.HasValue || row.Value!.GetString("PinHash") is not { } hash)
        {
            return PinVerification.Wrong;
        }

        var entity = row.Value;
        if (entity.GetDateTimeOffset("PinLockedUntil") is { } lockedUntil && lockedUntil > now)
        {
            return PinVerification.Locked;
        }

        var verified = PinHash.Verify(pin, hash);
        var failures = verified ? 0 : (entity.GetInt32("PinFailures") ?? 0) + 1;
        var update = new TableEntity(tenantId, customerId)
        {
            ["PinFailures"] = failures >= MaxPinFailures ? 0 : failures,
            ["PinLockedUntil"] = failures >= MaxPinFailures ? now + PinLockout : null,
        };
        try
        {
            // ETag-guarded: two calls guessing at once cannot both reset the count.
            await tables.Customers.UpdateEntityAsync(update, entity.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 412)
        {
            return PinVerification.Wrong;
        }

        return verified ? PinVerification.Verified : failures >= MaxPinFailures ? PinVerification.Locked : PinVerification.Wrong;
    }

    /// <summary>Every number in the phone index that leads to the customer (the one on the record, and any other).</summary>
    public async Task<IReadOnlyList<string>> PhonesOfAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        var phones = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and CustomerId eq {customerId}");
        await foreach (var row in tables.CustomerPhones.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            phones.Add(row.RowKey);
        }

        return phones;
    }

    /// <summary>
    /// Deletes the customer (a deletion request): their phone-index entries (<paramref name="phones"/> that lead to them),
    /// then the record itself with the name, number, PIN hash and vehicles. Idempotent. Returns the index entries that went
    /// and whether the record was there.
    /// </summary>
    public async Task<(int PhoneEntries, bool Record)> DeleteAsync(string tenantId, string customerId, IReadOnlyCollection<string> phones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phones);
        var entries = 0;
        foreach (var phone in phones)
        {
            var index = await tables.CustomerPhones.GetEntityIfExistsAsync<TableEntity>(tenantId, phone, ["CustomerId"], cancellationToken);
            if (index.HasValue && index.Value!.GetString("CustomerId") == customerId)
            {
                entries += await DeleteIfThereAsync(tables.CustomerPhones, tenantId, phone, cancellationToken) ? 1 : 0;
            }
        }

        return (entries, await DeleteIfThereAsync(tables.Customers, tenantId, customerId, cancellationToken));
    }

    private static async Task<bool> DeleteIfThereAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
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
