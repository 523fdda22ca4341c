namespace VoiceAgent.Core.Telephony;

/// <summary>Twilio could not take a request now (rate limit, 5xx, network): worth retrying later, unlike a refusal.</summary>
public sealed class TwilioUnavailableException : Exception
{
    public TwilioUnavailableException()
    {
    }

    public TwilioUnavailableException(string message)
        : base(message)
    {
    }

    public TwilioUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
