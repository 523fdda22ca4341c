using Microsoft.AspNetCore.Http;

namespace VoiceAgent.OpenAiStandIn.Http;

/// <summary>
/// The key each form carries: Azure's classic <c>api-key</c> header, OpenAI's <c>Authorization: Bearer</c>, either on
/// Azure's v1 API. Only the form's own headers count, so an app that pairs the wrong client with an endpoint is
/// refused as the real service would refuse it.
/// </summary>
internal static class ApiKeyCheck
{
    private const string Bearer = "Bearer ";

    /// <summary>Why the request is not authenticated, or null when it carries the key.</summary>
    public static string? Refusal(HttpRequest request, ModelApiForm form, string apiKey)
    {
        string? key = request.Headers["api-key"];
        string? authorization = request.Headers.Authorization;
        var bearer = authorization is not null && authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..] : null;
        return form switch
        {
            ModelApiForm.Azure => key is null ? "no api-key header" : key == apiKey ? null : "wrong api-key",
            ModelApiForm.AzureV1 when key is not null => key == apiKey ? null : "wrong api-key",
            _ => bearer is null ? "no Authorization: Bearer header" : bearer == apiKey ? null : "wrong bearer key",
        };
    }
}
