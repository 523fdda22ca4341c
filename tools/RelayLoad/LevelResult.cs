namespace VoiceAgent.RelayLoad;

/// <summary>One level's outcome: the turns of the calls that finished their script, and why the others failed.</summary>
internal sealed record LevelResult(int Level, IReadOnlyList<TurnSample> Turns, IReadOnlyList<string> Failures);
