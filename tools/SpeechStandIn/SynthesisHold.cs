namespace VoiceAgent.SpeechStandIn;

/// <summary>
/// Holds one synthesis after its first piece of audio: the first piece is sent and flushed, the rest waits for
/// <see cref="Release"/>. A test that has the first piece in hand while <see cref="Held"/> is done has proved the client
/// streams rather than reads the whole answer.
/// </summary>
public sealed class SynthesisHold
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once the first piece has been flushed and the rest is being held.</summary>
    public Task Held => _held.Task;

    /// <summary>True while the rest of the audio waits.</summary>
    public bool IsHolding => _held.Task.IsCompleted && !_released.Task.IsCompleted;

    public void Release() => _released.TrySetResult();

    internal Task Released => _released.Task;

    internal void MarkHeld() => _held.TrySetResult();
}
