using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Workflows;
using VoiceAgent.LocalFunctionsHost;
using VoiceAgent.LocalStack;
using VoiceAgent.SweepLoad;

// Usage: tools/SweepLoad [--appointments 100000] [--days 60] [--rounds 5]
// Seeds the demo tenant's book in a fresh Azurite, then runs, in alternation, the real reminder sweep (the days that
// can be due) and a baseline sweep that reads and plans the whole book; prints one JSON line per run and a summary.
var appointments = Option("--appointments", 100_000);
var days = Option("--days", 60);
var rounds = Option("--rounds", 5);

// Sunday 03:00 at the shop (closed): reminders for Monday are due but wait for the calling window, so the sweep reads
// and plans every appointment that can be due and starts no call; what is measured is the read.
var now = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.FromHours(-6));
var tenant = DemoTenant.Profile;

await using var azurite = await AzuriteServer.StartAsync();
var settings = new Dictionary<string, string?>
{
    ["Storage:ConnectionString"] = azurite.ConnectionString,
    ["Storage:CreateTablesOnStart"] = "true",
    ["Demo:SeedDemoTenant"] = "true",
    ["Twilio:AuthToken"] = "sweep-load-not-a-secret",
    ["Twilio:AccountSid"] = "ACsweepload0000000000000000000000",
    ["Logging:LogLevel:Default"] = "Warning",
    ["Twilio:PublicBaseUrl"] = "https://voiceagent.sweep-load.test",
    [VoiceAgentFunctionsHost.ClockSetting] = now.ToString("O", CultureInfo.InvariantCulture),
    ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "SweepLoadHub",
};
await using var host = VoiceAgentFunctionsHost.Create([], builder => builder.WebHost.UseUrls("http://127.0.0.1:0"), settings);
await host.StartAsync(CancellationToken.None);
var services = host.Services;
var store = services.GetRequiredService<AppointmentStore>();

var seeding = Stopwatch.StartNew();
await BookSeeder.SeedAsync(store, tenant, tenant.Time.Today(now).AddDays(1), days, appointments, CancellationToken.None);
Console.Error.WriteLine($"seeded {appointments} appointments over {days} days in {seeding.Elapsed.TotalSeconds:F1} s");

var sweep = ActivatorUtilities.CreateInstance<ReminderSweepFunction>(services);
var planner = services.GetRequiredService<ReminderPlanner>();
var durable = host.Workflows ?? throw new InvalidOperationException("The host runs no Durable functions.");
var pairs = new List<(double Sweep, double Baseline)>();
for (var round = 0; round <= rounds; round++) // round 0 warms up
{
    var watch = Stopwatch.StartNew();
    var result = await sweep.SweepAsync(durable, CancellationToken.None);
    var sweepMs = watch.Elapsed.TotalMilliseconds;

    watch.Restart();
    var book = await store.ListAsync(tenant.Id, tenant.Time.Today(now), tenant.Time.Today(now).AddDays(days + 1), customerId: null, CancellationToken.None);
    var due = book.Count(a => planner.Next(tenant, a, now).Action != ReminderAction.Nothing);
    var baselineMs = watch.Elapsed.TotalMilliseconds;

    if (result.CallsStarted + result.Texts > 0)
    {
        throw new InvalidOperationException("The sweep acted; the load must only read.");
    }

    Console.WriteLine(JsonSerializer.Serialize(new { round, sweep = new { ms = Math.Round(sweepMs, 1), read = result.AppointmentsRead }, baseline = new { ms = Math.Round(baselineMs, 1), read = book.Count, due }, total = appointments }));
    if (round > 0)
    {
        pairs.Add((sweepMs, baselineMs));
    }
}

var ratios = pairs.Select(p => p.Sweep / p.Baseline).Order().ToList();
Console.WriteLine(JsonSerializer.Serialize(new
{
    summary = true,
    sweepMedianMs = Math.Round(Median(pairs.Select(p => p.Sweep)), 1),
    baselineMedianMs = Math.Round(Median(pairs.Select(p => p.Baseline)), 1),
    ratioMedian = Math.Round(Median(ratios), 4),
    ratioMin = Math.Round(ratios[0], 4),
    ratioMax = Math.Round(ratios[^1], 4),
}));
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
