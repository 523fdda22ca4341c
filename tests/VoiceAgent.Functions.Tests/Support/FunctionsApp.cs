using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Voice;
using VoiceAgent.LocalFunctionsHost;
using FunctionsHost = VoiceAgent.LocalFunctionsHost.LocalFunctionsHost;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The real functions app, started on the local stand-in for the Functions host (<see cref="VoiceAgentFunctionsHost"/>)
/// on a loopback port, against Azurite, with its own tables (a unique prefix), a random Twilio auth token, a staff dev
/// token per tenant, the demo tenant seeded and two fake clocks: the business clock (<see cref="Clock"/>) and the clock
/// the webhooks wait on (<see cref="WebhookTime"/>), which stands still unless a test moves it, so no filler, deadline
/// or continuation wait ever depends on how fast the machine is. Start two with the same table prefix to run two
/// instances of the app against one set of tables.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://voiceagent.example.com";

    /// <summary>The app setting that names the Durable task hub (the host.json override the Functions host honours).</summary>
    public const string TaskHubSetting = "AzureFunctionsJobHost:extensions:durableTask:hubName";

    private readonly FunctionsHost _host;
    private readonly IReadOnlyDictionary<string, string> _staffTokens;
    private readonly SocketsHttpHandler _handler = new();

    private FunctionsApp(FunctionsHost host, string tablePrefix, string authToken, IReadOnlyDictionary<string, string> staffTokens, FakeTimeProvider clock, ObservableTimeProvider webhookTime)
    {
        _host = host;
        TablePrefix = tablePrefix;
        AuthToken = authToken;
        _staffTokens = staffTokens;
        Clock = clock;
        WebhookTime = webhookTime;
    }

    /// <summary>The "now" of 2026-12-01 15:15 UTC (Tuesday 09:15 at the demo shop), held still.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    public string TablePrefix { get; }

    public string AuthToken { get; }

    /// <summary>The business clock (<see cref="TimeProvider"/> in the app's services).</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The clock behind the app's <see cref="WebhookClock"/>: filler threshold, continuation waits, turn deadline.</summary>
    public ObservableTimeProvider WebhookTime { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The Durable client of the app's task hub (the one <c>[DurableClient]</c> binds).</summary>
    public Microsoft.DurableTask.Client.DurableTaskClient Workflows => _host.Workflows ?? throw new InvalidOperationException("The app declares no Durable functions.");

    /// <summary>Waits until no workflow instance is pending or running (at most <paramref name="max"/>).</summary>
    public Task<bool> WaitForWorkflowsQuietAsync(TimeSpan max) => _host.WaitForWorkflowsQuietAsync(max, CancellationToken.None);

    /// <summary>
    /// Starts the app. <paramref name="settings"/> are app settings (configuration keys such as <c>Voice:FillerAfterSeconds</c>),
    /// given before the app registers its services, as the host's environment would give them; <paramref name="services"/>
    /// has the last word on the registrations; each of <paramref name="staffTenants"/> (the demo tenant by default) gets
    /// a dev token (<see cref="StaffTokenFor"/>).
    /// </summary>
    public static async Task<FunctionsApp> StartAsync(
        string storageConnectionString,
        string? tablePrefix = null,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyList<string>? staffTenants = null,
        string? authToken = null)
    {
        var prefix = tablePrefix ?? NewTablePrefix();
        authToken ??= NewToken();
        var staffTokens = (staffTenants ?? [DemoTenant.Id]).Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => NewToken(), StringComparer.Ordinal);
        var clock = new FakeTimeProvider(Now);
        var webhookTime = new ObservableTimeProvider(Now);

        // The app's own settings win over the test's: they are what makes this instance the one under test.
        var configuration = new List<KeyValuePair<string, string?>>(settings?.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)) ?? [])
        {
            new($"{StorageOptions.Section}:ConnectionString", storageConnectionString),
            new($"{StorageOptions.Section}:CreateTablesOnStart", "true"),
            new("Demo:SeedDemoTenant", "true"),
            new("Twilio:AuthToken", authToken),
            new("Twilio:PublicBaseUrl", PublicBaseUrl),
            // One task hub per set of tables: two instances on one prefix share it, as two Azure instances do.
            new(TaskHubSetting, prefix + "hub"),
        };
        configuration.AddRange(StorageOptions.PrefixedTableSettings(prefix));
        configuration.AddRange(staffTokens.Select(t => KeyValuePair.Create($"StaffAuth:DevTokens:{t.Key}", (string?)t.Value)));

        // The host's settings are in place before the app registers its services (some registrations, such as the
        // calendar provider, depend on them); a later entry for the same key wins, as in configuration.
        var appSettings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration)
        {
            appSettings[key] = value;
        }

        var host = VoiceAgentFunctionsHost.Create([], builder =>
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.RemoveAll<WebhookClock>();
            builder.Services.AddSingleton(new WebhookClock(webhookTime));
            services?.Invoke(builder.Services);
        }, appSettings);

        try
        {
            await host.StartAsync(CancellationToken.None);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return new FunctionsApp(host, prefix, authToken, staffTokens, clock, webhookTime);
    }

    /// <summary>A fresh prefix: tables nobody else uses.</summary>
    public static string NewTablePrefix() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>This app's name for a table, from its default name (e.g. <c>Calls</c>).</summary>
    public string TableName(string defaultName) => TablePrefix + defaultName;

    /// <summary>The dev token that signs in as staff of <paramref name="tenantId"/> (<c>Authorization: Bearer</c>).</summary>
    public string StaffTokenFor(string tenantId) => _staffTokens[tenantId];

    /// <summary>A client on the app's real address (loopback); requests go through Kestrel and the host's routing.</summary>
    public HttpClient CreateClient() => new(_handler, disposeHandler: false) { BaseAddress = _host.BaseUrl };

    /// <summary>A client signed in as <paramref name="tenantId"/>'s staff (its dev token as the bearer).</summary>
    public HttpClient CreateStaffClient(string tenantId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StaffTokenFor(tenantId));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _handler.Dispose();
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
