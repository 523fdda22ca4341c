using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Telephony;
using VoiceAgent.LoadKit;
using VoiceAgent.LocalStack;
using VoiceAgent.WebPubSubHost;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// The real-time host as <c>RealtimeHostApp.Build</c> makes it, on a loopback Kestrel port, on a fresh in-memory Azurite
/// with the demo shop seeded, no <c>Llm</c> section (so the offline engine answers) and the shop's clock from
/// <see cref="ShopClock.TuesdayMorning"/> (real time, shifted). Besides the port and the clock, the one change to the app:
/// its logs go to stderr at Warning and above. The
/// host's own <see cref="InboundCallService"/> answers calls (as the incoming webhook does) and runs the baseline turns.
/// </summary>
internal sealed class RelayStack : IAsyncDisposable
{
    /// <summary>The host's public base URL as Twilio knows it (what the upgrade's signature is computed over).</summary>
    public const string PublicBaseUrl = "https://realtime.example.test";

    private readonly AzuriteServer _azurite;
    private readonly WebApplication _app;

    private RelayStack(AzuriteServer azurite, WebApplication app, string authToken)
    {
        _azurite = azurite;
        _app = app;
        AuthToken = authToken;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        RelayUri = new Uri(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal)), "/relay");
    }

    public string AuthToken { get; }

    /// <summary>Where the sockets connect (loopback); the signature names <see cref="PublicBaseUrl"/>, as Twilio's would.</summary>
    public Uri RelayUri { get; }

    public int TablePort => _azurite.TablePort;

    public InboundCallService Calls => _app.Services.GetRequiredService<InboundCallService>();

    public VoiceReplyRenderer Renderer => _app.Services.GetRequiredService<VoiceReplyRenderer>();

    public static async Task<RelayStack> StartAsync(CancellationToken cancellationToken)
    {
        var azurite = await AzuriteServer.StartAsync(cancellationToken);
        var authToken = Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:ConnectionString"] = azurite.ConnectionString,
            [$"{StorageOptions.Section}:CreateTablesOnStart"] = "true",
            ["Demo:SeedDemoTenant"] = "true",
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        };
        var app = RealtimeHostApp.Build([], builder =>
        {
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(new ShopClock(ShopClock.TuesdayMorning));
        }, settings);
        await app.StartAsync(cancellationToken);
        return new RelayStack(azurite, app, authToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
