using VoiceAgent.Core.Conversation;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The real engine behind a counter: every turn it is asked for is counted as it starts, then waits until the test lets
/// turns go (<see cref="Release"/>), so a test can have requests overlap a running turn.
/// </summary>
public sealed class CountingEngine(IConversationEngine inner) : IConversationEngine
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _turns;

    /// <summary>Turns started so far.</summary>
    public int Turns => Volatile.Read(ref _turns);

    public void Release() => _released.TrySetResult();

    public AgentReply Greet(ConversationContext context, DialogState state) => inner.Greet(context, state);

    public AgentReply GreetForReminder(ConversationContext context, DialogState state, VoiceAgent.Core.Appointments.Appointment appointment) => inner.GreetForReminder(context, state, appointment);

    public async Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _turns);
        await _released.Task.WaitAsync(cancellationToken);
        return await inner.RespondAsync(context, state, input, cancellationToken);
    }
}
