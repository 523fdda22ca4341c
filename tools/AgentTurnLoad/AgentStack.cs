using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LoadKit;
using VoiceAgent.LocalStack;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// The app's own services as the webhooks get them (<c>AddVoiceAgentCore</c>, section <c>Llm</c> pointing at the
/// stand-in as Azure OpenAI), on a fresh in-memory Azurite with the demo shop seeded, and the clock at
/// <see cref="Now"/>. The one change: the model client is built with <see cref="ModelTimer"/> around the raw client.
/// Besides the model path (<see cref="ModelCalls"/>), the same service on the offline engine (<see cref="OfflineCalls"/>)
/// is the baseline, and a second engine reaches a stand-in that streams a word every chunk delay
/// (<see cref="StreamingEngine"/>).
/// </summary>
internal sealed class AgentStack : IAsyncDisposable
{
    /// <summary>Tuesday, December 1, 2026, 9:15 at the shop (America/Chicago), as in the tests.</summary>
    public static readonly DateTimeOffset Now = ShopClock.TuesdayMorning;

    private readonly AzuriteServer _azurite;
    private readonly ServiceProvider _services;

    private AgentStack(AzuriteServer azurite, ServiceProvider services, ModelStandIn model, ModelStandIn streamingModel, ModelConversationEngine streamingEngine)
    {
        _azurite = azurite;
        _services = services;
        Model = model;
        StreamingModel = streamingModel;
        StreamingEngine = streamingEngine;
        ModelCalls = services.GetRequiredService<InboundCallService>();
        OfflineCalls = ActivatorUtilities.CreateInstance<InboundCallService>(services, (IConversationEngine)services.GetRequiredService<OfflineDialogEngine>());
    }

    public int TablePort => _azurite.TablePort;

    public ModelStandIn Model { get; }

    public ModelStandIn StreamingModel { get; }

    public InboundCallService ModelCalls { get; }

    public InboundCallService OfflineCalls { get; }

    public ModelConversationEngine StreamingEngine { get; }

    public VoiceReplyRenderer Renderer => _services.GetRequiredService<VoiceReplyRenderer>();

    public TimeProvider Clock => _services.GetRequiredService<TimeProvider>();

    public TenantDirectory Tenants => _services.GetRequiredService<TenantDirectory>();

    public CustomerStore Customers => _services.GetRequiredService<CustomerStore>();

    public static async Task<AgentStack> StartAsync(TimeSpan chunkDelay, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteServer.StartAsync(cancellationToken);
        var model = await ModelStandIn.StartAsync(ModelScript.Empty, new ModelStandInOptions { ChunkDelay = TimeSpan.Zero }, cancellationToken);
        var streamingModel = await ModelStandIn.StartAsync(ModelScript.Empty, new ModelStandInOptions { ChunkDelay = chunkDelay }, cancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Llm:Endpoint"] = model.BaseUrl.ToString(),
            ["Llm:Kind"] = nameof(LlmKind.AzureOpenAI),
            ["Llm:ApiKey"] = model.ApiKey,
            ["Llm:Deployment"] = "gpt-4o-mini",
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IChatClient>(sp => ChatClientFactory.Create(sp.GetRequiredService<IOptions<LlmOptions>>().Value, raw => new ModelTimer(raw)));
        services.AddVoiceAgentCore(configuration);
        services.AddSingleton<TimeProvider>(new ShopClock(Now));
        var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<VoiceAgentTables>().CreateIfMissingAsync(cancellationToken);
        await provider.GetRequiredService<DemoTenantSeeder>().SeedAsync(cancellationToken);

        var streamingOptions = new LlmOptions { Endpoint = streamingModel.BaseUrl, Kind = LlmKind.AzureOpenAI, ApiKey = streamingModel.ApiKey, Deployment = "gpt-4o-mini" };
        var streamingEngine = ActivatorUtilities.CreateInstance<ModelConversationEngine>(
            provider,
            ChatClientFactory.Create(streamingOptions, raw => new ModelTimer(raw)),
            ActivatorUtilities.CreateInstance<ModelCircuitBreaker>(provider));
        return new AgentStack(azurite, provider, model, streamingModel, streamingEngine);
    }

    public async ValueTask DisposeAsync()
    {
        await StreamingModel.DisposeAsync();
        await Model.DisposeAsync();
        await _services.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
