using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Infra.Tests;

/// <summary>The instruments the code publishes carry exactly the names infra queries (customMetrics name = instrument name).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Meter_PublishesEveryMetricName()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<VoiceAgentTelemetry>().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                // This provider's meter only: the model client's GenAI instruments share the name (see below), and other
                // tests may hold one at the same time.
                if (instrument.Meter.Name == VoiceAgentTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    published.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        _ = services.GetRequiredService<VoiceAgentTelemetry>();

        Assert.Equal(VoiceAgentTelemetry.MetricNames.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The model client (ChatClientFactory) records the OpenTelemetry GenAI client metrics under the VoiceAgent meter,
    /// which the exporter sends (AddMeter(VoiceAgentTelemetry.Name)), so the workbook can chart them.
    /// </summary>
    [Fact]
    public void ModelClient_PublishesTheGenAiMetrics_UnderTheVoiceAgentMeter()
    {
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == VoiceAgentTelemetry.Name && instrument.Name.StartsWith("gen_ai.", StringComparison.Ordinal))
                {
                    lock (published)
                    {
                        published.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start();

        using var client = ChatClientFactory.Create(new LlmOptions { Endpoint = new Uri("http://127.0.0.1:9/v1"), Kind = LlmKind.OpenAI, Deployment = "llama3.1" });

        Assert.Subset(published.ToHashSet(StringComparer.Ordinal), MonitoringTests.ModelClientMetrics.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Token usage is recorded once per token type under the tag the workbook splits on (input and output).</summary>
    [Fact]
    public async Task ModelTelemetry_TagsTokenUsage_ByTokenType()
    {
        var tokenTypes = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VoiceAgentTelemetry.Name && instrument.Name == MonitoringTests.ModelClientMetrics[1])
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => Record(tokenTypes, tags));
        listener.SetMeasurementEventCallback<int>((_, _, tags, _) => Record(tokenTypes, tags));
        listener.Start();
        var usage = new ChatResponse(new ChatMessage(ChatRole.Assistant, "We open at eight.")) { Usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 7 } };
        using var client = new ChatClientBuilder(new AnsweringChatClient(usage)).UseOpenTelemetry(sourceName: VoiceAgentTelemetry.Name).Build();

        await client.GetResponseAsync("When do you open?", new ChatOptions { ModelId = "gpt-4o-mini" });

        Assert.Equal(["input", "output"], tokenTypes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/")]
    public void AddVoiceAgentTelemetry_BuildsProviders_WithOrWithoutApplicationInsights(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [VoiceAgentTelemetry.ConnectionStringVariable] = connectionString,
                [VoiceAgentTelemetry.AuthenticationStringVariable] = connectionString is null ? null : "ClientId=11111111-1111-1111-1111-111111111111;Authorization=AAD",
            })
            .Build();

        using var services = new ServiceCollection().AddLogging().AddVoiceAgentTelemetry(configuration, "infra-tests").BuildServiceProvider();

        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<VoiceAgentTelemetry>());
    }

    private static void Record(List<string> tokenTypes, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == MonitoringTests.TokenTypeTag && tag.Value is string type)
            {
                lock (tokenTypes)
                {
                    tokenTypes.Add(type);
                }
            }
        }
    }

    /// <summary>A model that answers every request with one fixed response (and its token usage).</summary>
    private sealed class AnsweringChatClient(ChatResponse response) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(response);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            response.ToChatResponseUpdates().ToAsyncEnumerable();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
