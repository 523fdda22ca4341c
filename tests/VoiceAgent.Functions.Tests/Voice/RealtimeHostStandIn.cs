using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>How the stand-in's <c>/healthz</c> answers.</summary>
public enum RealtimeHealth
{
    /// <summary>200, as the real host answers while it takes calls.</summary>
    Healthy,

    /// <summary>503, as the real host answers while it drains.</summary>
    Unavailable,

    /// <summary>No answer at all until the caller gives up (a host that hangs).</summary>
    Hanging,
}

/// <summary>
/// The real-time host as the functions app reaches it: a real Kestrel server on a loopback port that answers
/// <c>/healthz</c> the way <see cref="Health"/> says and counts the checks. The WebSocket side is not here: the app only
/// names its URL in TwiML.
/// </summary>
public sealed class RealtimeHostStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _checks;

    private RealtimeHostStandIn(WebApplication app, RealtimeHealth health)
    {
        _app = app;
        Health = health;
        _app.MapGet("/healthz", AnswerAsync);
    }

    /// <summary>How the next health check is answered; a test may change it while the app runs.</summary>
    public RealtimeHealth Health { get; set; }

    /// <summary>How many health checks have arrived.</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>The host's base URL (<c>http://127.0.0.1:port/</c>), what <c>Realtime:BaseUrl</c> is set to.</summary>
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    public static async Task<RealtimeHostStandIn> StartAsync(RealtimeHealth health)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var standIn = new RealtimeHostStandIn(builder.Build(), health);
        await standIn._app.StartAsync();
        return standIn;
    }

    /// <summary>A loopback base URL nothing listens on (a host that is not running): connections to it are refused.</summary>
    public static Uri NotListening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<IResult> AnswerAsync(CancellationToken requestAborted)
    {
        Interlocked.Increment(ref _checks);
        var health = Health;
        if (health == RealtimeHealth.Hanging)
        {
            await HangAsync(requestAborted);
        }

        return health == RealtimeHealth.Healthy ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Waits until the caller gives up (or the stand-in stops).</summary>
    private async Task HangAsync(CancellationToken requestAborted)
    {
        using var gaveUp = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, gaveUp.Token);
        }
        catch (OperationCanceledException)
        {
            // the caller timed out: nobody reads this answer
        }
    }
}
