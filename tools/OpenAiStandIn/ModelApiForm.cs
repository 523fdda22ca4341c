namespace VoiceAgent.OpenAiStandIn;

/// <summary>Which of the two wire forms of Chat Completions a request came through.</summary>
public enum ModelApiForm
{
    /// <summary><c>POST /v1/chat/completions</c>, <c>Authorization: Bearer</c>, the model named in the body (OpenAI, Ollama, …).</summary>
    OpenAi,

    /// <summary><c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c>, <c>api-key</c> header (Azure OpenAI, AzureOpenAIClient).</summary>
    Azure,

    /// <summary>
    /// <c>POST /openai/v1/chat/completions</c>, Azure OpenAI's v1 API: OpenAI's own client pointed at
    /// <c>https://&lt;resource&gt;.openai.azure.com/openai/v1</c>, the deployment named in the body; <c>api-key</c> or Bearer.
    /// </summary>
    AzureV1,
}
