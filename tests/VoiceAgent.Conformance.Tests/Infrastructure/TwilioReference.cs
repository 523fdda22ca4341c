using System.Diagnostics;
using System.Text.Json.Nodes;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>
/// Asks Twilio's official helper library (npm <c>twilio</c>, via <c>reference/twilio-reference.js</c>) for its answers.
/// Requests are batched: one <c>node</c> process per call.
/// </summary>
internal static class TwilioReference
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string[]> SignAsync(IReadOnlyList<SignatureRequest> requests) =>
        (await RunAsync(requests.Select(r => r.ToJson("sign", signature: null)).ToArray()))
            .Select(result => result!["signature"]!.GetValue<string>())
            .ToArray();

    public static async Task<bool[]> ValidateAsync(IReadOnlyList<(SignatureRequest Request, string Signature)> requests) =>
        (await RunAsync(requests.Select(r => r.Request.ToJson("validate", r.Signature)).ToArray()))
            .Select(result => result!["valid"]!.GetValue<bool>())
            .ToArray();

    public static async Task<bool> ValidateBodyAsync(string token, string url, string body, string signature)
    {
        var request = new JsonObject { ["op"] = "validateBody", ["token"] = token, ["url"] = url, ["body"] = body, ["signature"] = signature };
        var results = await RunAsync([request]);
        return results[0]!["valid"]!.GetValue<bool>();
    }

    /// <summary>The XML the library's <c>VoiceResponse</c> emits for the given builder calls.</summary>
    public static async Task<string> TwimlAsync(JsonArray calls)
    {
        var results = await RunAsync([new JsonObject { ["op"] = "twiml", ["calls"] = calls }]);
        return results[0]!["xml"]!.GetValue<string>();
    }

    /// <summary>Whether the script drives the package's public API, and which version of the package it loaded.</summary>
    public static async Task<(bool SamePublicApi, string Version)> SelfCheckAsync()
    {
        var results = await RunAsync([new JsonObject { ["op"] = "selfCheck" }]);
        return (results[0]!["samePublicApi"]!.GetValue<bool>(), results[0]!["version"]!.GetValue<string>());
    }

    private static async Task<JsonArray> RunAsync(JsonObject[] requests)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(RepositoryPaths.ReferenceScript);
        start.Environment["VOICEAGENT_REPO_ROOT"] = RepositoryPaths.Root;

        using var cancellation = new CancellationTokenSource(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
        await process.StandardInput.WriteAsync(new JsonArray([.. requests]).ToJsonString());
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellation.Token);

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The Twilio reference script failed ({process.ExitCode}); run `npm ci` in {RepositoryPaths.Root}.{Environment.NewLine}{await stderr}");
        }

        var results = JsonNode.Parse(await stdout)?.AsArray() ?? throw new InvalidOperationException("The reference script wrote no JSON.");
        if (results.Count != requests.Length)
        {
            throw new InvalidOperationException($"Asked {requests.Length} questions, got {results.Count} answers.");
        }

        return results;
    }
}
