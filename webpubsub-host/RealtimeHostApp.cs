using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Relay;
using VoiceAgent.WebPubSubHost.Streams;

namespace VoiceAgent.WebPubSubHost;

/// <summary>
/// The real-time host as an app: its services, WebSockets, the health probes, the relay and the media stream endpoints. Program.cs runs
/// it; the tests and the simulator start the same app in-process on a loopback port.
/// </summary>
public static class RealtimeHostApp
{
    /// <param name="configure">Runs after the host's own registrations (tests swap the clock or a publisher).</param>
    /// <param name="settings">App settings given before the services are registered, as the environment would give them.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddVoiceAgentRealtimeHost(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", () => TypedResults.Ok("VoiceAgent web pubsub host"));
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        app.MapRelay();
        app.MapStream();
        app.MapCallEvents();
        app.MapLocalEventIntake();
        return app;
    }
}
