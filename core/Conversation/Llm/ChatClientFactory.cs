using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The model client the agent talks to: Azure OpenAI (Azure.AI.OpenAI; managed identity, or a key locally) or any
/// OpenAI-compatible endpoint (OpenAI's client with a base URL), as a Microsoft.Extensions.AI <see cref="IChatClient"/>
/// that runs the tools (function invocation) and reports spans, token counts and the model's latency through
/// OpenTelemetry under <see cref="VoiceAgentTelemetry.Name"/>. The clients never retry on their own: a failed request
/// is the breaker's to count and the offline engine's to answer, within the caller's deadline.
/// </summary>
public static class ChatClientFactory
{
    /// <param name="options">The model's configuration.</param>
    /// <param name="aroundModel">Wraps the raw model client, below function invocation (one call per model request): benchmarks time the model's own share with it.</param>
    public static IChatClient Create(LlmOptions options, Func<IChatClient, IChatClient>? aroundModel = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Llm:Endpoint is not set.");
        var model = options.Kind switch
        {
            LlmKind.AzureOpenAI => Azure(endpoint, options).GetChatClient(options.DeploymentName),
            _ => new OpenAIClient(
                new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
                new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) }).GetChatClient(options.DeploymentName),
        };

        var raw = model.AsIChatClient();
        return new ChatClientBuilder(aroundModel is null ? raw : aroundModel(raw))
            .UseFunctionInvocation(configure: invocation =>
            {
                invocation.MaximumIterationsPerRequest = options.MaxRequestsPerTurn;
                invocation.AllowConcurrentInvocation = false;
                invocation.IncludeDetailedErrors = false;
            })
            .UseOpenTelemetry(sourceName: VoiceAgentTelemetry.Name, configure: telemetry => telemetry.EnableSensitiveData = false)
            .Build();
    }

    private static AzureOpenAIClient Azure(Uri endpoint, LlmOptions options)
    {
        var clientOptions = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0) };
        return string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId }), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
    }
}
