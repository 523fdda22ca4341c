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
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Voice;
using VoiceAgent.WebPubSubHost;
using VoiceAgent.LocalFunctionsHost;
using VoiceAgent.LocalStack;
using VoiceAgent.LocalFunctionsHost.Triggers;
using VoiceAgent.TwilioApiStandIn;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.Core.Staff;

namespace VoiceAgent.CallSimulator.Hosting;

/// <summary>
/// The real functions app, served by the local stand-in for the Functions host (<see cref="VoiceAgentFunctionsHost"/>) in
/// this process on a real Kestrel port, with its
/// own tables and Durable task hub (every name prefixed, so each host is isolated in a shared Azurite), a fake clock,
/// the demo tenant seeded, and a random Twilio auth token; or, given a <see cref="TwilioStandIn"/>, that stand-in's
/// account, with the app's Twilio REST client pointed at it and its webhooks routed back to the app.
/// </summary>
public sealed class InProcessAgentHost : IAsyncDisposable
{
    /// <summary>The URL Twilio "requests" (and signs); the app is told it is its public base URL.</summary>
    public static readonly Uri PublicBaseUrl = new("https://voiceagent.simulator.test");

    /// <summary>The app setting naming the Durable task hub, as the Functions host reads it from the environment.</summary>
    public const string TaskHubSetting = "AzureFunctionsJobHost:extensions:durableTask:hubName";

    private readonly LocalFunctionsHost.LocalFunctionsHost _app;

    /// <summary>The real-time host's public name (the <c>wss</c> URLs in TwiML, what Twilio signs the upgrade over).</summary>
    public static readonly Uri RealtimePublicBaseUrl = new("https://realtime.simulator.test");

    /// <summary>
    /// A Media Stream call's audio is as long as 10 ms per character of what the agent says (a tone from the Speech
    /// stand-in): a reply plays in real time, so this keeps a scenario quick while barge-in and marks work as on a call.
    /// </summary>
    private const int SpokenBytesPerCharacter = 80;

    private readonly WebApplication? _realtime;
    private readonly SpeechServiceStandIn? _speech;
    private readonly string? _staffToken;

    private InProcessAgentHost(LocalFunctionsHost.LocalFunctionsHost app, WebApplication? realtime, SpeechServiceStandIn? speech, string? staffToken, FakeTimeProvider clock, string authToken, CapturedLogs logs, string tablePrefix)
    {
        _app = app;
        _realtime = realtime;
        _speech = speech;
        _staffToken = staffToken;
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

    /// <summary>The real-time host beside the app (its public name and where it listens), when the call's transport needs one.</summary>
    public RealtimeEndpoint? Realtime => _realtime is null
        ? null
        : new RealtimeEndpoint(RealtimePublicBaseUrl, LoopbackApp.Address(_realtime), AuthToken) { Speech = _speech, StaffToken = _staffToken };

    /// <summary>The app without Twilio's REST API, its fake clock at <paramref name="now"/>.</summary>
    public static Task<InProcessAgentHost> StartAsync(string storageConnectionString, string tablePrefix, DateTimeOffset now, CancellationToken cancellationToken) =>
        StartAsync(storageConnectionString, tablePrefix, new FakeTimeProvider(now), twilio: null, cancellationToken);

    /// <param name="storageConnectionString">The shared Azurite.</param>
    /// <param name="tablePrefix">Letters and digits, starting with a letter; makes this host's tables and task hub its own.</param>
    /// <param name="clock">The app's clock (the stand-in's too, when there is one).</param>
    /// <param name="twilio">Twilio's REST API for the app's texts and calls; null leaves the app without one.</param>
    public static Task<InProcessAgentHost> StartAsync(string storageConnectionString, string tablePrefix, FakeTimeProvider clock, TwilioStandIn? twilio, CancellationToken cancellationToken) =>
        StartAsync(storageConnectionString, tablePrefix, clock, twilio, appSettings: null, cancellationToken);

    /// <param name="appSettings">More app settings, on top of (and winning over) the host's own; e.g. the <c>Llm</c> section pointing the agent at a model.</param>
    /// <param name="transport">
    /// The demo tenant's transport. <see cref="CallTransport.Relay"/> and <see cref="CallTransport.Stream"/> start the
    /// real-time host (webpubsub-host) beside the app, on the same tables, clock, token and settings, and point the app's
    /// <c>Realtime:BaseUrl</c> at it. For a Media Stream the host speaks and recognizes through the Speech stand-in (the
    /// simulator tells it the caller's words), and a staff dev token reads the live call events.
    /// </param>
    public static async Task<InProcessAgentHost> StartAsync(
        string storageConnectionString, string tablePrefix, FakeTimeProvider clock, TwilioStandIn? twilio, IReadOnlyDictionary<string, string?>? appSettings, CancellationToken cancellationToken,
        CallTransport transport = CallTransport.Gather)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePrefix);
        ArgumentNullException.ThrowIfNull(clock);
        var authToken = twilio?.AuthToken ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:ConnectionString"] = storageConnectionString,
            [$"{StorageOptions.Section}:CreateTablesOnStart"] = "true",
            ["Demo:SeedDemoTenant"] = "true",
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl.ToString(),
            [TaskHubSetting] = tablePrefix + "hub",
        };
        if (twilio is not null)
        {
            settings["Twilio:AccountSid"] = twilio.AccountSid;
            settings["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        }

        foreach (var (setting, name) in StorageOptions.PrefixedTableSettings(tablePrefix))
        {
            settings[setting] = name;
        }

        foreach (var (setting, value) in appSettings ?? new Dictionary<string, string?>())
        {
            settings[setting] = value;
        }

        WebApplication? realtime = null;
        SpeechServiceStandIn? speech = null;
        string? staffToken = null;
        if (transport != CallTransport.Gather)
        {
            var realtimeSettings = new Dictionary<string, string?>(settings);
            if (transport == CallTransport.Stream)
            {
                speech = await SpeechServiceStandIn.StartAsync(new SpeechStandInOptions { BytesPerCharacter = SpokenBytesPerCharacter }, cancellationToken);
                staffToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                realtimeSettings["Speech:Endpoint"] = speech.BaseUrl.ToString();
                realtimeSettings["Speech:Key"] = speech.Key;
                realtimeSettings[$"{StaffAuthOptions.Section}:DevTokens:{DemoTenant.Id}"] = staffToken;
            }

            realtime = await StartRealtimeHostAsync(realtimeSettings, clock, logs, cancellationToken);
            settings["Realtime:BaseUrl"] = RealtimePublicBaseUrl.ToString();
            settings["Demo:Transport"] = transport.ToString();
        }

        var realtimeAddress = realtime is null ? null : LoopbackApp.Address(realtime);
        var app = VoiceAgentFunctionsHost.Create([], builder =>
        {
            if (realtimeAddress is not null)
            {
                // The app's health check of the host goes to where it really listens.
                builder.Services.AddHttpClient(RealtimeHost.HttpClientName).AddHttpMessageHandler(() => new BaseUrlRedirectHandler(realtimeAddress));
            }

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
            if (realtime is not null)
            {
                await realtime.DisposeAsync();
            }

            if (speech is not null)
            {
                await speech.DisposeAsync();
            }

            throw;
        }

        twilio?.RouteWebhooks(PublicBaseUrl, app.BaseUrl);
        return new InProcessAgentHost(app, realtime, speech, staffToken, clock, authToken, logs, tablePrefix);
    }

    /// <summary>The real-time host on the app's settings (its own public name; the app seeds the demo tenant), clock and logs.</summary>
    private static async Task<WebApplication> StartRealtimeHostAsync(Dictionary<string, string?> appSettings, FakeTimeProvider clock, CapturedLogs logs, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(appSettings)
        {
            ["Twilio:PublicBaseUrl"] = RealtimePublicBaseUrl.ToString(),
            ["Demo:SeedDemoTenant"] = "false",
        };
        var realtime = RealtimeHostApp.Build([], builder =>
        {
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(clock);
        }, settings);
        return await LoopbackApp.StartAsync(realtime, cancellationToken);
    }

    /// <summary>True once no orchestration is pending or running (each finished, or waiting beyond the clock); false after <paramref name="max"/>.</summary>
    public Task<bool> WaitForWorkflowsQuietAsync(TimeSpan max, CancellationToken cancellationToken) =>
        _app.WaitForWorkflowsQuietAsync(max, cancellationToken);

    /// <summary>
    /// Moves the clock to <paramref name="to"/> as time passes in life: to each timer occurrence on the way in turn,
    /// waiting for the timers due then, and calling <paramref name="afterEachFiring"/> before moving on.
    /// </summary>
    public Task AdvanceClockAsync(DateTimeOffset to, Func<CancellationToken, Task> afterEachFiring, CancellationToken cancellationToken) =>
        _app.Services.GetRequiredService<TimerTriggerScheduler>().AdvanceAsync(Clock, to, afterEachFiring, cancellationToken);

    /// <summary>Stops the app and drops its task hub and its tables (useful on a long-lived Azurite; an in-memory one simply goes away).</summary>
    public async Task DeleteTablesAsync(CancellationToken cancellationToken)
    {
        await _app.DeleteTaskHubAsync(cancellationToken);
        foreach (var table in _app.Services.GetRequiredService<VoiceAgentTables>().All)
        {
            await table.DeleteAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_realtime is not null)
        {
            await _realtime.DisposeAsync();
        }

        if (_speech is not null)
        {
            await _speech.DisposeAsync();
        }
    }
}
