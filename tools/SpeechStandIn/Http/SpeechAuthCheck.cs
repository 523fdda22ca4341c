using Microsoft.AspNetCore.Http;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>
/// Speech's two ways in: the resource key in <c>Ocp-Apim-Subscription-Key</c>, or an Entra ID token in Speech's form
/// <c>Authorization: Bearer aad#&lt;resourceId&gt;#&lt;token&gt;</c> naming this resource. A bare bearer token (the STS
/// token from a key) is refused: the stand-in issues none.
/// </summary>
internal static class SpeechAuthCheck
{
    private const string Bearer = "Bearer ";
    private const string Aad = "aad#";

    /// <summary>Why the request is not signed in, or null when it is.</summary>
    public static string? Refusal(HttpRequest request, StandInState state)
    {
        string? key = request.Headers["Ocp-Apim-Subscription-Key"];
        if (key is not null)
        {
            return key == state.Key ? null : "wrong Ocp-Apim-Subscription-Key";
        }

        string? authorization = request.Headers.Authorization;
        if (authorization is null)
        {
            return "no Ocp-Apim-Subscription-Key or Authorization header";
        }

        if (!authorization.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return "Authorization is not a Bearer token";
        }

        var token = authorization[Bearer.Length..];
        if (!token.StartsWith(Aad, StringComparison.Ordinal))
        {
            return "Bearer token is not in the aad#<resourceId>#<token> form";
        }

        var parts = token[Aad.Length..].Split('#', 2);
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return "aad# token has no access token after the resource id";
        }

        if (!string.Equals(parts[0], state.Options.ResourceId, StringComparison.OrdinalIgnoreCase))
        {
            return "aad# token names another resource";
        }

        return state.Options.EntraToken is { } expected && parts[1] != expected ? "wrong Entra ID access token" : null;
    }
}
