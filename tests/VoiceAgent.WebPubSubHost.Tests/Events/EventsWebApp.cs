using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Hosting;
using VoiceAgent.WebPubSubHost.Events;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>
/// The host's live-event endpoints on a real Kestrel port with core's staff sign-in (dev tokens, no table reached):
/// <c>/events</c> and, when a local access key is given, the function app's intake.
/// </summary>
internal static class EventsWebApp
{
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string> staffTokens, string? localAccessKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true", // never reached: dev tokens need no table
            ["Storage:CreateTablesOnStart"] = "false",
            ["Twilio:AuthToken"] = "test-auth-token", // core's services as the host runs them; no webhook is called here
            ["Twilio:PublicBaseUrl"] = "https://host.example.com",
            ["WebPubSub:LocalAccessKey"] = localAccessKey,
        };
        foreach (var (tenant, token) in staffTokens)
        {
            settings[$"StaffAuth:DevTokens:{tenant}"] = token;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddVoiceAgentCore(builder.Configuration);
        builder.Services.AddCallEvents(builder.Configuration);
        var app = builder.Build();
        app.MapCallEvents();
        app.MapLocalEventIntake();
        await app.StartAsync();
        return app;
    }

    /// <summary>Where <paramref name="app"/> listens (<c>http://127.0.0.1:PORT/</c>).</summary>
    public static Uri BaseUrl(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");

    /// <summary>The <c>ws://</c> URL of <paramref name="app"/>'s <c>/events</c>.</summary>
    public static Uri EventsUri(WebApplication app) =>
        new(BaseUrl(app).ToString().Replace("http://", "ws://", StringComparison.Ordinal) + CallEventsEndpoints.Path.TrimStart('/'));
}
