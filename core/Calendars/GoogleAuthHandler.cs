using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.Core.Calendars;

/// <summary>Adds the bearer token; on a 401 gets a new token once and sends the request again.</summary>
internal sealed partial class GoogleAuthHandler(IGoogleAccessTokenSource tokens, ILogger<GoogleAuthHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(rejectedToken: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        LogUnauthorized(logger, request.Method.Method, request.RequestUri?.AbsolutePath);
        var fresh = await tokens.GetAccessTokenAsync(rejectedToken: token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }

    [LoggerMessage(EventId = 1521, Level = LogLevel.Information, Message = "Google Calendar answered 401 to {Method} {Path}; refreshing the access token once")]
    private static partial void LogUnauthorized(ILogger logger, string method, string? path);
}
