using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Storage;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Support;

/// <summary>
/// The real-time host started in-process on a loopback port (real WebSockets), on Azurite tables of its own, with the
/// demo tenant seeded and a known Twilio auth token; the live call events it publishes are kept for the test to read.
/// </summary>
public sealed class RealtimeHost : IAsyncDisposable
{
    /// <summary>The host's public base URL as Twilio knows it (what signatures are computed over).</summary>
    public const string PublicBaseUrl = "https://realtime.example.test";

    private readonly WebApplication _app;

    private RealtimeHost(WebApplication app, string authToken, RecordedEvents events, FakeTimeProvider clock)
    {
        _app = app;
        Clock = clock;
        AuthToken = authToken;
        Events = events;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        SocketBase = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
    }

    /// <summary>The demo's Tuesday morning in Chicago: the same moment the shared scenarios start at.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    public string AuthToken { get; }

    /// <summary>The app's clock (business time and the session's timers), moved only by the test.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Where the test's sockets connect (the loopback address; Twilio's would be <see cref="PublicBaseUrl"/>).</summary>
    public Uri SocketBase { get; }

    public IServiceProvider Services => _app.Services;

    public RecordedEvents Events { get; }

    /// <param name="services">Runs after the host's own registrations: a test's fakes (a recognizer, a synthesizer).</param>
    /// <param name="authToken">The Twilio auth token (a Twilio stand-in's, when the host calls one); a new one by default.</param>
    public static async Task<RealtimeHost> StartAsync(
        string storageConnectionString,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null,
        string? authToken = null)
    {
        authToken ??= Guid.NewGuid().ToString("N");
        var prefix = "R" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new List<KeyValuePair<string, string?>>
        {
            new($"{StorageOptions.Section}:ConnectionString", storageConnectionString),
            new($"{StorageOptions.Section}:CreateTablesOnStart", "true"),
            new("Demo:SeedDemoTenant", "true"),
            new("Twilio:AuthToken", authToken),
            new("Twilio:PublicBaseUrl", PublicBaseUrl),
        };
        configuration.AddRange(StorageOptions.PrefixedTableSettings(prefix));
        configuration.AddRange((settings ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        var events = new RecordedEvents();
        var clock = new FakeTimeProvider(Now);
        var app = RealtimeHostApp.Build([], builder =>
        {
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.RemoveAll<ICallEventPublisher>();
            builder.Services.AddSingleton<ICallEventPublisher>(events);
            services?.Invoke(builder.Services);
        }, configuration);
        await app.StartAsync();
        return new RealtimeHost(app, authToken, events, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Stops the host as a deploy does (live calls drain), without disposing it.</summary>
    public Task StopAsync() => _app.StopAsync();
}

/// <summary>The live call events the host published, in order.</summary>
public sealed class RecordedEvents : ICallEventPublisher
{
    private readonly ConcurrentQueue<CallEvent> _events = new();

    public IReadOnlyList<CallEvent> All => [.. _events];

    public ValueTask PublishAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(callEvent);
        return ValueTask.CompletedTask;
    }
}
