using System.Globalization;
using System.Text.Json.Nodes;

namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>
/// OpenAI's error answer, <c>{"error":{"message","type","param","code"}}</c>, which both OpenAI's and Azure's clients
/// read into <c>ClientResultException</c>: the script's refusals (400), a wrong key (401), and the scripted faults.
/// </summary>
internal sealed record OpenAiError(int Status, string Message, string Type, string? Code = null)
{
    public static OpenAiError ScriptProblem(string reason) => new(400, $"model script: {reason}", "invalid_request_error");

    public static OpenAiError BadRequest(string message) => new(400, message, "invalid_request_error");

    public static OpenAiError WrongKey(string how) => new(401, $"Incorrect API key provided ({how}).", "invalid_request_error", "invalid_api_key");

    public static OpenAiError NoRoute(string method, string path) => new(404, $"Unknown request URL: {method} {path}. The stand-in serves POST /v1/chat/completions and POST /openai/deployments/{{deployment}}/chat/completions?api-version=…", "invalid_request_error", "unknown_url");

    public static OpenAiError For(ScriptFault fault) => fault.StatusCode switch
    {
        429 => new(429, fault.RetryAfter is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $"Rate limit reached for requests. Please try again in {wait.TotalSeconds:0.###}s.")
            : "Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
        500 => new(500, "The server had an error while processing your request. Sorry about that!", "server_error"),
        var status and >= 500 => new(status, $"The server had an error (scripted fault {status}).", "server_error"),
        var status => new(status, $"Scripted fault {status}.", "invalid_request_error"),
    };

    public string ToJson() => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = Message, ["type"] = Type, ["param"] = null, ["code"] = Code },
    }.ToJsonString();
}
