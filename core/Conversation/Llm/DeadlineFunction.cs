using Microsoft.Extensions.AI;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// A tool bounded by its deadline (<see cref="LlmOptions.ToolDeadlineSeconds"/>), inside the model's own. A tool that
/// runs out of time answers the model that it timed out and that nothing is known to have changed, so the model can
/// tell the caller instead of the whole turn failing.
/// </summary>
internal sealed class DeadlineFunction(AIFunction inner, TimeSpan deadline) : DelegatingAIFunction(inner)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return await base.InvokeCoreAsync(arguments, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ToolTimeout("timeout", "The tool did not answer in time; nothing is known to have changed. Apologise, and check again or offer a person.");
        }
    }
}

/// <summary>What the model reads when a tool ran out of time.</summary>
internal sealed record ToolTimeout(string Status, string Note);
