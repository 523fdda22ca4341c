using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation.Offline;

namespace VoiceAgent.Core.Conversation.Llm;

public static class LanguageModelServiceCollectionExtensions
{
    /// <summary>
    /// The conversation engine: with <c>Llm:Endpoint</c> set, the model (<see cref="ModelConversationEngine"/>) over the
    /// offline engine; without it, the offline engine alone. The options are checked on start, deadlines included.
    /// </summary>
    public static IServiceCollection AddLanguageModel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LlmOptions.Section);
        services.AddOptions<LlmOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => !o.IsConfigured || o.Endpoint!.IsAbsoluteUri, "Llm:Endpoint must be an absolute URL.")
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.Deployment ?? o.Model), "Llm:Deployment (the Azure deployment or the model name) is required with Llm:Endpoint.")
            .Validate(o => o.ToolDeadlineSeconds < o.ModelDeadlineSeconds, "Llm:ToolDeadlineSeconds must be shorter than Llm:ModelDeadlineSeconds.")
            .ValidateOnStart();
        services.AddOptions<Telephony.VoiceOptions>()
            .Validate<IOptions<LlmOptions>>(
                (voice, llm) => !llm.Value.IsConfigured || llm.Value.ModelDeadlineSeconds < voice.TurnDeadlineSeconds,
                "Llm:ModelDeadlineSeconds must be shorter than Voice:TurnDeadlineSeconds, so the offline engine can still answer in time.");

        var options = section.Get<LlmOptions>() ?? new LlmOptions();
        if (!options.IsConfigured)
        {
            services.TryAddSingleton<IConversationEngine>(sp => sp.GetRequiredService<OfflineDialogEngine>());
            services.TryAddSingleton<Calls.ICallSummaryModel, Calls.NoCallSummaryModel>();
            return services;
        }

        if (options.SummarizeCalls)
        {
            services.TryAddSingleton<Calls.ICallSummaryModel, ModelCallSummaries>();
        }
        else
        {
            services.TryAddSingleton<Calls.ICallSummaryModel, Calls.NoCallSummaryModel>();
        }

        services.TryAddSingleton<IChatClient>(sp => ChatClientFactory.Create(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.TryAddSingleton<ModelCircuitBreaker>();
        services.TryAddSingleton<ModelConversationEngine>();
        services.TryAddSingleton<IConversationEngine>(sp => sp.GetRequiredService<ModelConversationEngine>());
        return services;
    }
}
