using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// The WebSocket URL a signed-in staff member's browser opens for their own tenant's live call events: Web PubSub's
/// client endpoint, <c>{endpoint}/client/hubs/{hub}?access_token=…</c> (protocols.md §8.2), with a token that joins
/// only <c>tenant.{id}</c> on connect and grants no role, so the client can neither send nor join another group.
/// With a connection string (local: the real-time host's fan-out) the token is signed here with its access key; in
/// Azure, where keys are off, the service mints it (<c>:generateToken</c>) for the app's identity.
/// </summary>
public sealed class LiveEventsClientAccess
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(60);

    private readonly WebPubSubOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly WebPubSubConnectionString? _connection;
    private readonly EntraAuthorization? _entra;

    public LiveEventsClientAccess(IOptions<WebPubSubOptions> options, IHttpClientFactory http)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _http = http;
        _time = TimeProvider.System; // the service checks expiry on its own clock, whatever the app's business clock is
        if (!string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            _connection = WebPubSubConnectionString.Parse(_options.ConnectionString);
        }
        else if (_options.Endpoint is not null)
        {
            _entra = new EntraAuthorization(LiveEventsServiceCollectionExtensions.CreateCredential(_options), _time);
        }
    }

    /// <summary>Live events reach a browser only through Web PubSub (or the local fan-out's stand-in for it).</summary>
    public bool IsAvailable => _connection is not null || _entra is not null;

    /// <summary>The client URL for <paramref name="userId"/>, joined to <paramref name="tenantId"/>'s group only.</summary>
    /// <exception cref="InvalidOperationException">Live events are off (<see cref="IsAvailable"/> is false).</exception>
    /// <exception cref="HttpRequestException">The service did not mint a token.</exception>
    public async Task<Uri> CreateClientUrlAsync(string userId, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var group = TenantEventGroup.For(tenantId);
        string token;
        Uri endpoint;
        if (_connection is { } connection)
        {
            endpoint = connection.Endpoint;
            token = SignToken(connection, userId, group);
        }
        else if (_entra is not null)
        {
            endpoint = _options.Endpoint!;
            token = await GenerateTokenAsync(userId, group, cancellationToken);
        }
        else
        {
            throw new InvalidOperationException("Live events are off: WebPubSub:Endpoint or WebPubSub:ConnectionString is not set.");
        }

        var socket = new UriBuilder(ClientAudience(endpoint, _options.Hub))
        {
            Scheme = endpoint.Scheme == Uri.UriSchemeHttp ? "ws" : "wss",
            Query = "access_token=" + Uri.EscapeDataString(token),
        };
        return socket.Uri;
    }

    /// <summary><c>{endpoint}/client/hubs/{hub}</c>: the client token's audience, and the socket's path.</summary>
    public static Uri ClientAudience(Uri endpoint, string hub)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new Uri(endpoint, $"client/hubs/{Uri.EscapeDataString(hub)}");
    }

    private string SignToken(WebPubSubConnectionString connection, string userId, string group)
    {
        var now = _time.GetUtcNow();
        return AccessKeyJwt.Sign(connection.AccessKey, new Dictionary<string, object>
        {
            ["aud"] = ClientAudience(connection.Endpoint, _options.Hub).ToString(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(Lifetime).ToUnixTimeSeconds(),
            ["sub"] = userId,
            ["webpubsub.group"] = new[] { group },
        });
    }

    private async Task<string> GenerateTokenAsync(string userId, string group, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.Endpoint!, $"api/hubs/{Uri.EscapeDataString(_options.Hub)}/:generateToken"
            + $"?api-version={WebPubSubGroupSender.ApiVersion}&userId={Uri.EscapeDataString(userId)}&group={Uri.EscapeDataString(group)}"
            + $"&minutesToExpire={(int)Lifetime.TotalMinutes}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _entra!.GetBearerTokenAsync(uri, cancellationToken));
        using var response = await _http.CreateClient(LiveEventsServiceCollectionExtensions.HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } value
            ? value
            : throw new HttpRequestException("Web PubSub's generateToken answered without a token.");
    }
}
