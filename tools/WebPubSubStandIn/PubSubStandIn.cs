using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceAgent.LocalStack;

namespace VoiceAgent.WebPubSubStandIn;

/// <summary>
/// A local stand-in for Azure Web PubSub on a loopback port, in this process: the REST send to a group (access-key JWT
/// or <see cref="PubSubStandInOptions.EntraToken"/>) and the client WebSocket with <c>json.webpubsub.azure.v1</c>.
/// Point the app at <see cref="ConnectionString"/> (or <see cref="BaseUrl"/> with the Entra token); connect test clients
/// with <see cref="ClientAccessUri"/>. Every REST send is recorded (<see cref="Sends"/>).
/// </summary>
/// <remarks>Named <c>PubSubStandIn</c>: a type named like its namespace's last part cannot be named from inside <c>VoiceAgent.*</c>.</remarks>
public sealed class PubSubStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInState _state;

    private PubSubStandIn(WebApplication app, StandInState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>Where it listens (<c>http://127.0.0.1:PORT/</c>): the service endpoint.</summary>
    public Uri BaseUrl => LoopbackApp.Address(_app);

    public string AccessKey => _state.AccessKey;

    /// <summary><c>Endpoint=…;AccessKey=…;Version=1.0;</c>, as the portal shows it.</summary>
    public string ConnectionString => $"Endpoint={BaseUrl.GetLeftPart(UriPartial.Authority)};AccessKey={AccessKey};Version=1.0;";

    /// <summary>Every REST send read so far, oldest first, with its answer.</summary>
    public IReadOnlyList<RecordedSend> Sends => _state.Sends;

    /// <summary>Clients connected now, all hubs.</summary>
    public int ConnectionCount => _state.Connections.Count;

    public static async Task<PubSubStandIn> StartAsync(PubSubStandInOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new StandInState(options.AccessKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), options.EntraToken);
        var app = LoopbackApp.CreateSlimBuilder(options.Port).Build();
        app.UseWebSockets();
        app.MapRestApi(state);
        app.MapClientHub(state);
        await LoopbackApp.StartAsync(app, cancellationToken);

        return new PubSubStandIn(app, state);
    }

    /// <summary>
    /// A client URL as the service's <c>:generateToken</c> would give it: <c>ws://…/client/hubs/{hub}?access_token=…</c>
    /// whose token joins <paramref name="groups"/> on connect.
    /// </summary>
    public Uri ClientAccessUri(string hub, string? userId, IReadOnlyList<string> groups, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hub);
        ArgumentNullException.ThrowIfNull(groups);
        var audience = new Uri(BaseUrl, $"client/hubs/{hub}");
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["aud"] = audience.ToString(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime ?? TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
            ["webpubsub.group"] = groups,
        };
        if (userId is not null)
        {
            claims["sub"] = userId;
        }

        var token = StandInToken.Create(AccessKey, claims);
        return new UriBuilder(audience) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
    }

    /// <summary>The next <paramref name="count"/> authenticated sends get <paramref name="status"/> (429, 503, …) and are not delivered.</summary>
    public void FailNextSends(int count, HttpStatusCode status) => _state.FailNext(count, status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
