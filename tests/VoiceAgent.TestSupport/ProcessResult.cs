namespace VoiceAgent.TestSupport;

/// <summary>What a finished process printed, and its exit code.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything it printed, for an assertion message.</summary>
    public string Output => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
