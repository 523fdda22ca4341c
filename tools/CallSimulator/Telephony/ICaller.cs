using VoiceAgent.CallSimulator.Twiml;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>The person on the line: answers each <c>&lt;Gather&gt;</c>.</summary>
public interface ICaller
{
    /// <summary>What the caller says at <paramref name="gather"/>; null when the caller hangs up.</summary>
    ValueTask<CallerUtterance?> ListenAsync(GatherVerb gather, CancellationToken cancellationToken);

    /// <summary>
    /// How far into the agent's reply the caller's next line cuts in (<see cref="CallerUtterance.InterruptsAfter"/>),
    /// asked while the reply plays; null when the caller lets the agent finish.
    /// </summary>
    TimeSpan? NextInterruptsAfter => null;
}
