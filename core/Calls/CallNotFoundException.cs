namespace VoiceAgent.Core.Calls;

/// <summary>A webhook named a call (or a dialed number) that VoiceAgent has no record of.</summary>
public sealed class CallNotFoundException : Exception
{
    public CallNotFoundException()
    {
    }

    public CallNotFoundException(string message)
        : base(message)
    {
    }

    public CallNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
