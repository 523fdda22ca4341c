using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>
/// The routes, in both URL forms: a custom subdomain puts the service first in the path (<c>/tts/…</c>, <c>/stt/…</c>),
/// a regional host (<c>&lt;region&gt;.tts.speech.microsoft.com</c>) does not. Anything else is a 404, so a wrong URL is loud.
/// </summary>
internal static class SpeechRoutes
{
    public static void MapSpeech(this IEndpointRouteBuilder app, StandInState state)
    {
        foreach (var path in new[] { "/tts/cognitiveservices/v1", "/cognitiveservices/v1" })
        {
            app.MapPost(path, http => SynthesisEndpoint.HandleAsync(http, state));
        }

        foreach (var path in new[] { "/stt/speech/recognition/conversation/cognitiveservices/v1", "/speech/recognition/conversation/cognitiveservices/v1" })
        {
            app.MapPost(path, http => RecognitionEndpoint.HandleAsync(http, state));
        }

        app.MapFallback(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return http.Response.WriteAsync($"no such route: {http.Request.Method} {http.Request.Path}");
        });
    }
}
