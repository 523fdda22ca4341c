using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Core.Tests.Support;

/// <summary>A real <see cref="VoiceAgentTelemetry"/> on a private meter factory, for services built by hand in tests.</summary>
public static class TestTelemetry
{
    public static VoiceAgentTelemetry Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
