namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// What the app said about its clock: <see cref="Now"/> and whether it is a fake one that <c>/clock</c> can move
/// (<c>tools/dev --clock</c>), or <see cref="Error"/> when it refused or could not be reached.
/// </summary>
public sealed record AppClockReading(DateTimeOffset? Now, bool IsFake, string? Error)
{
    public static AppClockReading Failed(string error) => new(null, false, error);
}
