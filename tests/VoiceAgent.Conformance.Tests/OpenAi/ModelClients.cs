using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI;
using OpenAI.Chat;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>
/// The real model clients, pointed at a <see cref="ModelStandIn"/> as the app points them at the service: Azure's
/// client at the endpoint with a deployment; OpenAI's client at Azure's <c>…/openai/v1</c> with the deployment as the
/// model, or at <c>…/v1</c> with a model name. No retries, so a fault reaches the test as the first attempt sees it.
/// </summary>
internal static class ModelClients
{
    public const string Deployment = "gpt-4o-mini-voice";
    public const string Model = "gpt-4o-mini";

    public static ChatClient Chat(ModelStandIn standIn, ModelApiForm form, string? key = null) => form switch
    {
        ModelApiForm.Azure => new AzureOpenAIClient(standIn.BaseUrl, new ApiKeyCredential(key ?? standIn.ApiKey), new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0) })
            .GetChatClient(Deployment),
        ModelApiForm.AzureV1 => OpenAi(standIn.AzureV1Endpoint, key ?? standIn.ApiKey).GetChatClient(Deployment),
        _ => OpenAi(standIn.OpenAiEndpoint, key ?? standIn.ApiKey).GetChatClient(Model),
    };

    /// <summary>What the requests name as the model: the deployment (Azure's forms) or the model (OpenAI).</summary>
    public static string NameIn(ModelApiForm form) => form == ModelApiForm.OpenAi ? Model : Deployment;

    private static OpenAIClient OpenAi(Uri endpoint, string key) =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) });
}
