using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// A local stand-in for Twilio's REST API on a free loopback port, speaking its wire format for sending an SMS
/// (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form body, Basic auth): records each request and answers
/// with the status and JSON body it was given.
/// </summary>
internal sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTwilioApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>Starts a server whose Messages endpoint answers <paramref name="status"/> with <paramref name="json"/>.</summary>
    public static async Task<FakeTwilioApi> StartAsync(int status, string json)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeTwilioApi(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (HttpRequest request, string accountSid) =>
        {
            var form = await request.ReadFormAsync();
            api.Requests.Enqueue(new RecordedRequest(
                request.Path,
                accountSid,
                request.Headers.Authorization.ToString(),
                request.ContentType,
                form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal)));
            return Results.Text(json, "application/json", statusCode: status);
        });
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record RecordedRequest(
        string Path,
        string AccountSid,
        string Authorization,
        string? ContentType,
        IReadOnlyDictionary<string, string> Form);
}
