using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Storage;

/// <summary>
/// Where tables and queues live. Locally a connection string (Azurite); in Azure the service URIs with a
/// managed identity (no keys). Table names are configuration, not literals.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A storage connection string (Azurite locally). Takes precedence over the service URIs.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. <c>https://acct.table.core.windows.net</c>, used with a managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>e.g. <c>https://acct.queue.core.windows.net</c>, used with a managed identity.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty for the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required, RegularExpression(TableNamePattern)]
    public string TenantsTable { get; set; } = "Tenants";

    [Required, RegularExpression(TableNamePattern)]
    public string TenantNumbersTable { get; set; } = "TenantNumbers";

    [Required, RegularExpression(TableNamePattern)]
    public string CustomersTable { get; set; } = "Customers";

    [Required, RegularExpression(TableNamePattern)]
    public string CustomerPhonesTable { get; set; } = "CustomerPhones";

    [Required, RegularExpression(TableNamePattern)]
    public string CallsTable { get; set; } = "Calls";

    [Required, RegularExpression(TableNamePattern)]
    public string TurnsTable { get; set; } = "CallTurns";

    /// <summary>Appointments and slot-capacity rows, partitioned by tenant and local day.</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string ScheduleTable { get; set; } = "Schedule";

    /// <summary>Staff members (their Entra object id) and the tenant each one works for.</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string StaffTable { get; set; } = "StaffMembers";

    /// <summary>The booking-change outbox: changes whose follow-up workflow is pending or failed.</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string FollowUpsTable { get; set; } = "FollowUps";

    /// <summary>Customer numbers that opted out of texts (STOP, or Twilio's 21610), per tenant.</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string SmsOptOutsTable { get; set; } = "SmsOptOuts";

    /// <summary>Create missing tables on start (local runs and tests; infra creates them in Azure).</summary>
    public bool CreateTablesOnStart { get; set; }

    /// <summary>Every table-name setting with its value, e.g. (<c>TenantsTable</c>, <c>Tenants</c>).</summary>
    public IReadOnlyList<(string Setting, string Name)> TableNames() =>
    [
        (nameof(TenantsTable), TenantsTable),
        (nameof(TenantNumbersTable), TenantNumbersTable),
        (nameof(CustomersTable), CustomersTable),
        (nameof(CustomerPhonesTable), CustomerPhonesTable),
        (nameof(CallsTable), CallsTable),
        (nameof(TurnsTable), TurnsTable),
        (nameof(ScheduleTable), ScheduleTable),
        (nameof(StaffTable), StaffTable),
        (nameof(FollowUpsTable), FollowUpsTable),
        (nameof(SmsOptOutsTable), SmsOptOutsTable),
    ];

    /// <summary>Configuration entries that give every table its default name behind <paramref name="prefix"/> (isolation in tests and scenario runs).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> PrefixedTableSettings(string prefix) =>
        new StorageOptions().TableNames().Select(t => KeyValuePair.Create($"{Section}:{t.Setting}", (string?)(prefix + t.Name)));

    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || TableServiceUri is not null;
}
