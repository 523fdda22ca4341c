using System.Net;

namespace VoiceAgent.WebPubSubHost.Speech;

/// <summary>
/// The speech service could not answer this request: an HTTP error, a timeout, a refused connection, or no token to
/// sign in with. The call pipeline catches this one type to fall back (a canned apology, a retry of the turn) instead of
/// ending the call. The message names the operation and the status, never a key or token.
/// </summary>
public sealed class SpeechUnavailableException : Exception
{
    public SpeechUnavailableException()
    {
    }

    public SpeechUnavailableException(string message)
        : base(message)
    {
    }

    public SpeechUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public SpeechUnavailableException(string message, HttpStatusCode? statusCode, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status the service answered; null for a timeout, a network failure or a sign-in failure.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long the service asked us to wait (<c>Retry-After</c> on a 429 or 503), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
