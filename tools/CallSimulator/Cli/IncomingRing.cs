using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// A call the shop placed to the person at the terminal, between the stand-in (which rings and then hands over the
/// line) and the session (which asks the person and plays the call): the answer, the line once Twilio connects it,
/// and how the conversation went.
/// </summary>
public sealed class IncomingRing(OutboundRing ring)
{
    private static readonly TimeSpan LivePoll = TimeSpan.FromMilliseconds(100);
    private readonly TaskCompletionSource<PhoneAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<AnsweredCall?> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<PhoneConversation> _conversation = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutboundRing Ring { get; } = ring;

    /// <summary>Completes with the person's answer, or with nobody once it rang out.</summary>
    public Task<PhoneAnswer> Answer => _answer.Task;

    /// <summary>Completes with the answered call once the stand-in connects it, or null when it never will.</summary>
    public Task<AnsweredCall?> Line => _line.Task;

    /// <summary>
    /// The line once the stand-in connects the answered call, or null when the call ended first (hung up through the API
    /// before the answer: <paramref name="stillLive"/> turns false and the stand-in never connects it).
    /// </summary>
    public async Task<AnsweredCall?> ConnectedAsync(Func<bool> stillLive)
    {
        ArgumentNullException.ThrowIfNull(stillLive);
        while (!_line.Task.IsCompleted && stillLive())
        {
            await Task.WhenAny(_line.Task, Task.Delay(LivePoll, CancellationToken.None));
        }

        return _line.Task.IsCompleted ? await _line.Task : null;
    }

    /// <summary>False when the ring ended first (it rang out or was cancelled).</summary>
    public bool TryAnswer(PhoneAnswer answer) => _answer.TrySetResult(answer);

    /// <summary>The stand-in hands over the line; completes when the session has played the call.</summary>
    public Task<PhoneConversation> ConnectAsync(AnsweredCall call)
    {
        _line.TrySetResult(call);
        return _conversation.Task;
    }

    /// <summary>The call ended before it was connected (hung up during the ring, or the stand-in stopped).</summary>
    public void NeverConnected() => _line.TrySetResult(null);

    public void Ended(PhoneConversation conversation) => _conversation.TrySetResult(conversation);
}
