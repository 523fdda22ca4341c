namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>The call could not go on: the agent's webhook failed or answered with something Twilio could not play.</summary>
public sealed class CallFailedException : Exception
{
    public CallFailedException()
    {
    }

    public CallFailedException(string message)
        : base(message)
    {
    }

    public CallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
