using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LocalStack;
using VoiceAgent.WebPubSubHost;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// The real-time host in this process on a loopback port, on its own Azurite tables (demo tenant seeded, offline engine,
/// the demo's Tuesday morning on a clock that never moves, so no silence timer fires), with the instant recognizer and
/// synthesizer, call events dropped, and the probe filter in front. One per voice-activity mode.
/// </summary>
internal sealed class StreamStack : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://realtime.load.test";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);
    private readonly WebApplication _app;

    private StreamStack(WebApplication app, string authToken)
    {
        _app = app;
        AuthToken = authToken;
        SocketUrl = new Uri(LoopbackApp.Address(app).ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "stream");
    }

    public string AuthToken { get; }

    /// <summary>Where the simulated Twilio connects; it signs <see cref="PublicBaseUrl"/>'s <c>wss</c> URL, as Twilio would.</summary>
    public Uri SocketUrl { get; }

    public static async Task<StreamStack> StartAsync(string storageConnectionString, string mode, int hangoverMilliseconds, CancellationToken cancellationToken)
    {
        var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var prefix = "L" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:ConnectionString"] = storageConnectionString,
            [$"{StorageOptions.Section}:CreateTablesOnStart"] = "true",
            ["Demo:SeedDemoTenant"] = "true",
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Voice:Activity:Mode"] = mode,
            ["Voice:Activity:HangoverMilliseconds"] = hangoverMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (setting, name) in StorageOptions.PrefixedTableSettings(prefix))
        {
            settings[setting] = name;
        }

        var app = RealtimeHostApp.Build([], builder =>
        {
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            builder.Services.RemoveAll<ICallEventPublisher>();
            builder.Services.AddSingleton<ICallEventPublisher, DroppedEvents>();
            builder.Services.RemoveAll<ISpeechRecognizer>();
            builder.Services.RemoveAll<ISpeechSynthesizer>();
            builder.Services.AddSingleton<ISpeechRecognizer, InstantRecognizer>();
            builder.Services.AddSingleton<ISpeechSynthesizer, InstantSynthesizer>();
            builder.Services.AddSingleton<IStartupFilter, ProbeStartupFilter>();
        }, settings);
        return new StreamStack(await LoopbackApp.StartAsync(app, cancellationToken), authToken);
    }

    /// <summary>Answers a call from John Smith to the demo shop, as the incoming webhook does: its session exists; returns its sid.</summary>
    public async Task<string> AnswerAsync(CancellationToken cancellationToken)
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var call = new InboundCall(CallSid.TryParse(callSid, out var sid) ? sid : throw new InvalidOperationException(callSid), PhoneNumber.Parse(DemoTenant.Number), PhoneNumber.Parse("+15555550101"));
        await _app.Services.GetRequiredService<InboundCallService>().AnswerAsync(call, cancellationToken);
        return callSid;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Live call events go nowhere: no subscriber is measured here.</summary>
    private sealed class DroppedEvents : ICallEventPublisher
    {
        public ValueTask PublishAsync(CallEvent callEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
