using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The app's tables as a test outside the app process sees them: the same Azurite and the same table prefix the app
/// is started with (<see cref="Settings"/>), read and seeded through the app's own stores.
/// </summary>
internal sealed class AppStorage
{
    private AppStorage(string prefix, IReadOnlyDictionary<string, string> settings, VoiceAgentTables tables)
    {
        Prefix = prefix;
        Settings = settings;
        Appointments = new AppointmentStore(tables);
        FollowUps = new FollowUpStore(tables);
    }

    /// <summary>Letters and digits, starting with a letter: the tables' prefix, and the task hub's name stem.</summary>
    public string Prefix { get; }

    /// <summary>The app settings (configuration keys) that put the app on these tables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public AppointmentStore Appointments { get; }

    public FollowUpStore FollowUps { get; }

    public static async Task<AppStorage> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var prefix = "C" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{StorageOptions.Section}:ConnectionString"] = connectionString,
            [$"{StorageOptions.Section}:CreateTablesOnStart"] = "true",
        };
        foreach (var (key, name) in StorageOptions.PrefixedTableSettings(prefix))
        {
            settings[key] = name!;
        }

        var options = new StorageOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build().GetSection(StorageOptions.Section).Bind(options);
        var tables = new VoiceAgentTables(Options.Create(options));
        await tables.CreateIfMissingAsync(cancellationToken);
        return new AppStorage(prefix, settings, tables);
    }

    /// <summary>A booking of the demo tenant made outside any call (as an import), taking capacity like any other.</summary>
    public Task<Appointment> BookAsync(string phone, string serviceName, DateTimeOffset start, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        DemoBooking.BookAsync(Appointments, phone, serviceName, start, createdAt, cancellationToken);

    /// <summary>The demo tenant's appointment with that id, as stored now.</summary>
    public Task<Appointment?> FindAsync(string appointmentId, CancellationToken cancellationToken) =>
        Appointments.FindAsync(DemoTenant.Id, appointmentId, cancellationToken);

    /// <summary>The appointment the inbound call <paramref name="callSid"/> booked between those local days, or null.</summary>
    public async Task<Appointment?> BookedByCallAsync(string callSid, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await Appointments.ListAsync(DemoTenant.Id, from, to, customerId: null, cancellationToken)).SingleOrDefault(a => a.CallSid == callSid);
}
