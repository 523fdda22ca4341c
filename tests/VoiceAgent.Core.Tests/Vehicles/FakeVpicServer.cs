using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.Core.Tests.Vehicles;

/// <summary>
/// A local stand-in for vPIC on 127.0.0.1 (Kestrel, free port) serving <c>/api/vehicles/DecodeVinValues/{vin}</c>.
/// Each VIN answers with a scripted body, status code, or hangs until the client gives up; requests are recorded.
/// </summary>
internal sealed class FakeVpicServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _answers = new(StringComparer.OrdinalIgnoreCase);

    private FakeVpicServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Completes when a request for a VIN set up with <see cref="Hang"/> arrives.</summary>
    public TaskCompletionSource HangingRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeVpicServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeVpicServer(app);
        app.MapGet("/api/vehicles/DecodeVinValues/{vin}", (string vin, HttpContext context) => server.AnswerAsync(vin, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri($"{address}/api");
        return server;
    }

    public int RequestsFor(string vin) => Requests.Count(r => r.Contains(vin, StringComparison.OrdinalIgnoreCase));

    public void Json(string vin, string body) => _answers[vin] = context =>
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    };

    public void Status(string vin, int statusCode) => _answers[vin] = context =>
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsync("<html><body>Service Unavailable</body></html>", context.RequestAborted);
    };

    public void Hang(string vin) => _answers[vin] = async context =>
    {
        HangingRequestArrived.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, which is what the test waits for.
        }
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task AnswerAsync(string vin, HttpContext context)
    {
        Requests.Enqueue(context.Request.Path + context.Request.QueryString);
        if (_answers.TryGetValue(vin, out var answer))
        {
            return answer(context);
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(VpicSamples.Unknown(vin), context.RequestAborted);
    }
}
