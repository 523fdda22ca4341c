namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>The agent answered with something that is not TwiML the simulator can follow.</summary>
public sealed class TwimlException : Exception
{
    public TwimlException()
    {
    }

    public TwimlException(string message)
        : base(message)
    {
    }

    public TwimlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
