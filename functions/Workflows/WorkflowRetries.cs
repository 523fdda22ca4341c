using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Functions.Workflows;

/// <summary>The bounded retry with backoff every workflow step gets (durable timers: real time, short waits).</summary>
public sealed class WorkflowRetries(IOptions<WorkflowOptions> options)
{
    public TaskOptions Step { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        options.Value.StepAttempts,
        TimeSpan.FromSeconds(options.Value.FirstRetrySeconds),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    public TimeSpan CallOutcomeWait { get; } = TimeSpan.FromSeconds(options.Value.CallOutcomeWaitSeconds);
}
