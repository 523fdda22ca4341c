namespace VoiceAgent.Infra.Tests.Hooks;

/// <summary>What one run of the onboarding hook printed and which stand-in tools it called, in order.</summary>
internal sealed record HookRun(ProcessResult Result, IReadOnlyList<ToolCall> Calls)
{
    /// <summary>The calls to one tool (<c>tenant</c>, <c>twilio-webhooks</c>, <c>az</c>).</summary>
    public IEnumerable<ToolCall> To(string tool) => Calls.Where(call => call.Tool == tool);

    /// <summary>Everything printed and called, for an assertion message.</summary>
    public string Describe() => Result.Output + "\n--- calls\n" + string.Join('\n', Calls);
}
