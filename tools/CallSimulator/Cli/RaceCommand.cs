using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// Hidden <c>race --storage CONNECTION-STRING --table-prefix PREFIX --service NAME --start ISO-INSTANT --count N
/// [--label L]</c>: the second process of the cross-process booking race test. Books N distinct appointments for
/// one demo-tenant slot through <see cref="AppointmentStore.TryBookAsync"/>, all at once. It prints <c>ready</c>
/// once its table client is warm, waits for a line on standard input (the starting gun, so both processes race
/// together), then prints one JSON line: <c>{"label":…,"outcomes":["Booked","SlotTaken",…]}</c>; a booking that
/// threw is reported as <c>Failed: message</c>.
/// </summary>
public static class RaceCommand
{
    public const string Ready = "ready";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandArguments.Parse(args, "--storage", "--table-prefix", "--service", "--start", "--count", "--label");
        if (parsed.Positional.Count > 0)
        {
            throw new ArgumentException($"Unexpected argument '{parsed.Positional[0]}'.");
        }

        var tenant = DemoTenant.Profile;
        var serviceName = parsed.Require("--service");
        var service = tenant.Services.FirstOrDefault(s => s.Name == serviceName) ?? throw new ArgumentException($"The demo tenant has no service '{serviceName}'.");
        if (!DateTimeOffset.TryParse(parsed.Require("--start"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            throw new ArgumentException("--start must be an ISO 8601 instant with an offset.");
        }

        if (!int.TryParse(parsed.Require("--count"), CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1000)
        {
            throw new ArgumentException("--count must be a number from 1 to 1000.");
        }

        var label = parsed.Get("--label") ?? "race";
        var storage = new StorageOptions { ConnectionString = parsed.Require("--storage") };
        new ConfigurationBuilder()
            .AddInMemoryCollection(StorageOptions.PrefixedTableSettings(parsed.Require("--table-prefix")))
            .Build()
            .GetSection(StorageOptions.Section)
            .Bind(storage);

        var store = new AppointmentStore(new VoiceAgentTables(Options.Create(storage)));
        var day = tenant.Time.DayOf(start);
        var cells = SchedulingService.Cells(tenant, service, start);

        // Warm up (connection, first request) before the gun, so this process races at full speed.
        await store.FindAsync(tenant.Id, day, "warm-up", cancellationToken);
        await output.WriteLineAsync(Ready);
        await output.FlushAsync(cancellationToken);
        await input.ReadLineAsync(cancellationToken);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, count).Select(i => BookAsync(store, RaceAppointment(tenant, service, start, label, i), day, cells, service.Capacity, cancellationToken)));
        await output.WriteLineAsync(JsonSerializer.Serialize(new RaceReport(label, outcomes), JsonOptions));
        return 0;
    }

    private static async Task<string> BookAsync(AppointmentStore store, Appointment appointment, DateOnly day, IReadOnlyList<DateTimeOffset> cells, int capacity, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.TryBookAsync(appointment, day, cells, capacity, cancellationToken)).ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"Failed: {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>Racer <paramref name="i"/>'s booking for one slot; each racer is its own customer.</summary>
    public static Appointment RaceAppointment(TenantProfile tenant, ServiceOffering service, DateTimeOffset start, string label, int i) => new()
    {
        Id = $"{tenant.Time.DayOf(start):yyyyMMdd}-{label}-{i:D4}",
        TenantId = tenant.Id,
        CustomerId = $"cust-{label}-{i:D4}",
        CustomerPhone = $"+1555557{i:D4}",
        CustomerName = $"Racer {label} {i}",
        Service = service.Name,
        Start = start.ToUniversalTime(),
        End = start.AddMinutes(service.DurationMinutes).ToUniversalTime(),
        Channel = "race",
        CreatedAt = start.AddDays(-1).ToUniversalTime(),
    };

    /// <summary>What the race printed: who raced and each booking's outcome, in order.</summary>
    public sealed record RaceReport(string Label, IReadOnlyList<string> Outcomes);
}
