using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VoiceAgent.OpenAiStandIn.Protocol;

namespace VoiceAgent.OpenAiStandIn.Http;

/// <summary>
/// The routes of Chat Completions, OpenAI's (<c>/v1/chat/completions</c>, Bearer key), Azure's classic one
/// (<c>/openai/deployments/{deployment}/chat/completions?api-version=…</c>, <c>api-key</c> header) and Azure's v1
/// (<c>/openai/v1/chat/completions</c>, either header): authenticate, read,
/// let the script decide, answer. Anything else is a 404 and a recorded problem, so a misconfigured endpoint is loud.
/// </summary>
internal static class ChatCompletionsEndpoints
{
    public static void MapChatCompletions(this IEndpointRouteBuilder app, StandInState state)
    {
        app.MapPost("/v1/chat/completions", http => HandleAsync(http, state, ModelApiForm.OpenAi, deployment: null));
        app.MapPost("/openai/v1/chat/completions", http => HandleAsync(http, state, ModelApiForm.AzureV1, deployment: null));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", http => HandleAsync(http, state, ModelApiForm.Azure, (string?)http.Request.RouteValues["deployment"]));
        app.MapFallback(http =>
        {
            state.Player.Problem($"no such route: {http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
            return ChatAnswers.ErrorAsync(http, OpenAiError.NoRoute(http.Request.Method, http.Request.Path));
        });
    }

    private static async Task HandleAsync(HttpContext http, StandInState state, ModelApiForm form, string? deployment)
    {
        if (ApiKeyCheck.Refusal(http.Request, form, state.ApiKey) is { } wrongKey)
        {
            state.Player.Problem($"401 for {http.Request.Path}: {wrongKey}");
            await ChatAnswers.ErrorAsync(http, OpenAiError.WrongKey(wrongKey));
            return;
        }

        string? apiVersion = http.Request.Query["api-version"];
        if (form == ModelApiForm.Azure && string.IsNullOrEmpty(apiVersion))
        {
            state.Player.Problem($"400 for {http.Request.Path}: no api-version query");
            await ChatAnswers.ErrorAsync(http, OpenAiError.BadRequest("Missing required query parameter: api-version"));
            return;
        }

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var (request, unreadable) = ChatRequestReader.Read(body, form, deployment, string.IsNullOrEmpty(apiVersion) ? null : apiVersion);
        if (request is null)
        {
            state.Player.Problem($"400 for {http.Request.Path}: {unreadable}");
            await ChatAnswers.ErrorAsync(http, OpenAiError.BadRequest(unreadable!));
            return;
        }

        var decision = state.Player.Decide(request, ChatRequestReader.ProtocolProblem(request));
        await ChatAnswers.WriteAsync(http, decision, request, state);
    }
}
