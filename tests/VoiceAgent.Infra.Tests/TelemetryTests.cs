using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Infra.Tests;

/// <summary>The instruments the code publishes carry exactly the names infra queries (customMetrics name = instrument name).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Meter_PublishesEveryMetricName()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<VoiceAgentTelemetry>().BuildServiceProvider();
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == VoiceAgentTelemetry.Name)
                {
                    published.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        _ = services.GetRequiredService<VoiceAgentTelemetry>();

        Assert.Equal(VoiceAgentTelemetry.MetricNames.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
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
}
