namespace VoiceAgent.CallSimulator.Cli;

/// <summary>The simulator's commands at the prompt (<see cref="SessionCommand"/>).</summary>
public enum SessionCommandKind
{
    /// <summary>Show or move the app's clock.</summary>
    Clock,

    /// <summary>Call the shop (between calls).</summary>
    Call,

    /// <summary>Hang up the call you are on.</summary>
    HangUp,

    /// <summary>Leave the simulator.</summary>
    Quit,

    /// <summary>List the commands.</summary>
    Help,
}
