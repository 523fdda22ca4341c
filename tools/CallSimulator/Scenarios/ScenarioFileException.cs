namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>A scenario file that cannot be read: missing, not YAML, or not in the scenario format.</summary>
public sealed class ScenarioFileException : Exception
{
    public ScenarioFileException()
    {
    }

    public ScenarioFileException(string message)
        : base(message)
    {
    }

    public ScenarioFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
