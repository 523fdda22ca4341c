using VoiceAgent.CallSimulator.Telephony;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>A scenario's verdict: passed when there is no reason to fail it.</summary>
public sealed record ScenarioResult
{
    public required string Name { get; init; }
    public required string SourcePath { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public IReadOnlyList<TranscriptLine> Transcript { get; init; } = [];
    /// <summary>The texts and calls the Twilio stand-in saw, in order, with each call's transcript.</summary>
    public IReadOnlyList<string> AfterTheCall { get; init; } = [];
    /// <summary>Warnings and errors the app logged during the call.</summary>
    public IReadOnlyList<string> AppLog { get; init; } = [];
    /// <summary>On the LLM path with a scripted model: what the model was asked and what it answered, turn by turn.</summary>
    public IReadOnlyList<string> ModelLog { get; init; } = [];

    public bool Passed => Reasons.Count == 0;

    /// <summary>A file that could not be loaded as a scenario.</summary>
    public static ScenarioResult Unreadable(string path, string reason) => new() { Name = Path.GetFileName(path), SourcePath = path, Reasons = [reason] };
}
