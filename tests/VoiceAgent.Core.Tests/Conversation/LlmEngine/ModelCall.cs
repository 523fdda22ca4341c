using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Core.Tests.Conversation.LlmEngine;

/// <summary>
/// One call on the model engine, end to end below the webhooks: the real engine and tools on the demo shop in Azurite,
/// reaching the scripted model stand-in through the real Azure OpenAI client. Turns go through
/// <see cref="SayAsync"/>; the dialog state is kept between them as the call session keeps it.
/// </summary>
internal sealed class ModelCall : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    private ModelCall(ModelStandIn model, SeededDemoShop shop, ModelConversationEngine engine, ModelCircuitBreaker breaker, FakeTimeProvider clock, Customer? caller)
    {
        Model = model;
        Shop = shop;
        Engine = engine;
        Breaker = breaker;
        Clock = clock;
        Context = new ConversationContext(DemoTenant.Profile, "CA" + Guid.NewGuid().ToString("N"), caller?.PhoneNumber ?? "+15555550177", caller, Now);
    }

    public ModelStandIn Model { get; }
    public SeededDemoShop Shop { get; }
    public ModelConversationEngine Engine { get; }
    public ModelCircuitBreaker Breaker { get; }
    public FakeTimeProvider Clock { get; }
    public ConversationContext Context { get; private set; }
    public DialogState State { get; private set; } = new();

    public static Customer John => DemoTenant.Customers[0];

    public static Customer Maria => DemoTenant.Customers[1];

    public static async Task<ModelCall> StartAsync(AzuriteFixture azurite, ModelScript script, Customer? caller = null, Action<LlmOptions>? configure = null)
    {
        var model = await ModelStandIn.StartAsync(script, CancellationToken.None);
        var options = new LlmOptions
        {
            Endpoint = model.BaseUrl,
            Kind = LlmKind.AzureOpenAI,
            ApiKey = model.ApiKey,
            Deployment = "gpt-4o-mini",
            // Generous: this machine is shared and loaded; a test about the deadline sets its own.
            ModelDeadlineSeconds = 30,
            ToolDeadlineSeconds = 20,
        };
        configure?.Invoke(options);
        var shop = await SeededDemoShop.CreateAsync(azurite, Now);
        var clock = new FakeTimeProvider(Now);
        var breaker = new ModelCircuitBreaker(Options.Create(options), clock);
        var engine = new ModelConversationEngine(
            new OfflineDialogEngine(shop.Tools),
            shop.Tools,
            ChatClientFactory.Create(options),
            breaker,
            Options.Create(options),
            TestTelemetry.Create(),
            NullLogger<ModelConversationEngine>.Instance);
        var call = new ModelCall(model, shop, engine, breaker, clock, caller);
        call.Engine.Greet(call.Context, call.State);
        return call;
    }

    /// <summary>A new call from the same caller on the same engine (and breaker), <paramref name="later"/> on.</summary>
    public void NewCall(TimeSpan later)
    {
        Clock.Advance(later);
        Context = Context with { CallSid = "CA" + Guid.NewGuid().ToString("N"), Now = Context.Now + later };
        State = new DialogState();
        Engine.Greet(Context, State);
    }

    public Task<AgentReply> SayAsync(string speech) =>
        Engine.RespondAsync(Context, State, new CallerInput(speech, Confidence: 0.9), CancellationToken.None);

    public ValueTask DisposeAsync() => Model.DisposeAsync();
}
