using System.ClientModel.Primitives;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>The clients' own retry policy (which statuses it retries, how many times) without its back-off waits, so retry tests stay fast.</summary>
internal sealed class NoWaitRetryPolicy(int maxRetries) : ClientRetryPolicy(maxRetries)
{
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) => TimeSpan.Zero;
}
