using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Storage;
using VoiceAgent.LocalFunctionsHost;

namespace VoiceAgent.CallSimulator.Hosting;

/// <summary>
/// The real functions app, served by the local stand-in for the Functions host (<see cref="VoiceAgentFunctionsHost"/>) in
/// this process on a real Kestrel port, with its
/// own tables (every table name prefixed, so each host is isolated in a shared Azurite), a fake clock, the demo
/// tenant seeded, and a random Twilio auth token.
/// </summary>
public sealed class InProcessAgentHost : IAsyncDisposable
{
    /// <summary>The URL Twilio "requests" (and signs); the app is told it is its public base URL.</summary>
    public static readonly Uri PublicBaseUrl = new("https://voiceagent.simulator.test");

    private readonly LocalFunctionsHost.LocalFunctionsHost _app;

    private InProcessAgentHost(LocalFunctionsHost.LocalFunctionsHost app, FakeTimeProvider clock, string authToken, CapturedLogs logs, string tablePrefix)
    {
        _app = app;
        Clock = clock;
        AuthToken = authToken;
        Logs = logs;
        TablePrefix = tablePrefix;
    }

    public FakeTimeProvider Clock { get; }
    public string AuthToken { get; }
    public CapturedLogs Logs { get; }
    public string TablePrefix { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Where the app really listens (loopback, a free port).</summary>
    public Uri BaseUrl => _app.BaseUrl;

    /// <param name="storageConnectionString">The shared Azurite.</param>
    /// <param name="tablePrefix">Letters and digits, starting with a letter; makes this host's tables its own.</param>
    /// <param name="now">Where the fake clock starts.</param>
    public static async Task<InProcessAgentHost> StartAsync(string storageConnectionString, string tablePrefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePrefix);
        var clock = new FakeTimeProvider(now);
        var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:ConnectionString"] = storageConnectionString,
            [$"{StorageOptions.Section}:CreateTablesOnStart"] = "true",
            ["Demo:SeedDemoTenant"] = "true",
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl.ToString(),
        };
        foreach (var (setting, name) in StorageOptions.PrefixedTableSettings(tablePrefix))
        {
            settings[setting] = name;
        }

        var app = VoiceAgentFunctionsHost.Create([], builder =>
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(clock);
        }, settings);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new InProcessAgentHost(app, clock, authToken, logs, tablePrefix);
    }

    /// <summary>Drops this host's tables (useful on a long-lived Azurite; an in-memory one simply goes away).</summary>
    public async Task DeleteTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _app.Services.GetRequiredService<VoiceAgentTables>().All)
        {
            await table.DeleteAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
    }
}
