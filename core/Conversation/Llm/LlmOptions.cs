using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The language model behind the agent (section <c>Llm</c>). With no <see cref="Endpoint"/> the offline engine answers
/// every call, as it always has. The deadlines nest: a tool inside the model's turn, the model's turn inside the
/// webhook's (<c>Voice:TurnDeadlineSeconds</c>), so a slow model still leaves time for the offline engine to answer.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Azure OpenAI: <c>https://&lt;resource&gt;.openai.azure.com/</c>. OpenAI-compatible: the base URL with <c>/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    public LlmKind Kind { get; set; } = LlmKind.AzureOpenAI;

    /// <summary>The Azure deployment, or the model name sent to an OpenAI-compatible endpoint.</summary>
    public string? Deployment { get; set; }

    /// <summary>The model's own name (e.g. <c>gpt-4o-mini</c>), which picks the tokenizer; defaults to <see cref="Deployment"/>.</summary>
    public string? Model { get; set; }

    /// <summary>Optional. Azure without a key signs in with the app's managed identity.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Tokens the system prompt and the history may take together; older exchanges are dropped whole.</summary>
    [Range(500, 200_000)]
    public int TokenBudget { get; set; } = 6000;

    [Range(16, 4096)]
    public int MaxReplyTokens { get; set; } = 300;

    /// <summary>One tool call (storage, calendar) may take this long; then the model is told it timed out.</summary>
    [Range(0.1, 30)]
    public double ToolDeadlineSeconds { get; set; } = 3;

    /// <summary>The model's whole turn (every request and tool call); then the offline engine answers.</summary>
    [Range(0.2, 50)]
    public double ModelDeadlineSeconds { get; set; } = 7;

    /// <summary>Model requests one turn may make (each tool round is one).</summary>
    [Range(1, 20)]
    public int MaxRequestsPerTurn { get; set; } = 6;

    public LlmBreakerOptions Breaker { get; set; } = new();

    /// <summary>When a call ends, the model writes its summary and the caller's sentiment (else the dialog's own summary stands).</summary>
    public bool SummarizeCalls { get; set; } = true;

    /// <summary>How long a call's summary may take the model; past it, the dialog's summary stands.</summary>
    [Range(1, 14)]
    public double SummaryDeadlineSeconds { get; set; } = 8;

    public bool IsConfigured => Endpoint is not null;

    /// <summary>The deployment (Azure) or model (OpenAI-compatible) requests name; empty when neither is set (refused on start with an endpoint).</summary>
    public string DeploymentName => Deployment ?? Model ?? string.Empty;

    /// <summary>The model name the tokenizer is chosen by.</summary>
    public string ModelName => Model ?? Deployment ?? string.Empty;
}

/// <summary>Which client reaches the model.</summary>
public enum LlmKind
{
    /// <summary>Azure OpenAI through Azure.AI.OpenAI (managed identity, or a key locally).</summary>
    AzureOpenAI,

    /// <summary>Any endpoint that speaks OpenAI's Chat Completions (OpenAI, Ollama, vLLM, LM Studio).</summary>
    OpenAI,
}

/// <summary>
/// When the model counts as down: at least <see cref="MinimumThroughput"/> requests in <see cref="SamplingSeconds"/>,
/// <see cref="FailureRatio"/> of them failed (error, 429, timeout). Then calls use the offline engine for
/// <see cref="BreakSeconds"/>, after which one call tries the model again.
/// </summary>
public sealed class LlmBreakerOptions
{
    [Range(0.01, 1)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(1, 1000)]
    public int MinimumThroughput { get; set; } = 2;

    [Range(1, 3600)]
    public double SamplingSeconds { get; set; } = 30;

    [Range(1, 3600)]
    public double BreakSeconds { get; set; } = 30;
}
