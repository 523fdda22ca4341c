namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>The app's <c>Llm</c> section (issue 10 brief, "Configuration") pointing the agent at one model.</summary>
public static class LlmAppSettings
{
    /// <summary>The deployment name the scripted stand-in is reached under; the real Azure.AI.OpenAI client puts it in the URL.</summary>
    public const string StandInDeployment = "gpt-4o-mini";

    /// <summary>
    /// The scripted stand-in, reached as Azure OpenAI is (deployment in the path, <c>api-key</c> header). The scripts
    /// play the conversation's turns, so the call's summary request at its end is off here; it is tested on its own.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AzureOpenAi(Uri endpoint, string apiKey) => new Dictionary<string, string?>
    {
        ["Llm:Endpoint"] = endpoint.ToString(),
        ["Llm:Kind"] = "AzureOpenAI",
        ["Llm:ApiKey"] = apiKey,
        ["Llm:Deployment"] = StandInDeployment,
        ["Llm:SummarizeCalls"] = "false",
    };

    /// <summary>Any OpenAI-compatible endpoint (base URL including <c>/v1</c>); the key is optional (Ollama needs none).</summary>
    public static IReadOnlyDictionary<string, string?> OpenAiCompatible(Uri endpoint, string model, string? apiKey)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = endpoint.ToString(),
            ["Llm:Kind"] = "OpenAI",
            ["Llm:Deployment"] = model,
        };
        if (!string.IsNullOrEmpty(apiKey))
        {
            settings["Llm:ApiKey"] = apiKey;
        }

        return settings;
    }
}
