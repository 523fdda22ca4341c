using System.Net;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// Turns what went wrong on a Speech request into a <see cref="SpeechUnavailableException"/>: an HTTP error with its
/// status and <c>Retry-After</c>, a deadline passed, a network failure. The caller's own cancellation is not a failure
/// and passes through. No message carries a header, so never a key or token.
/// </summary>
public static class SpeechFailures
{
    public static SpeechUnavailableException Status(string operation, HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        var status = (int)response.StatusCode;
        var wait = retryAfter is { } w ? $", retry after {w.TotalSeconds:0.#} s" : string.Empty;
        return new SpeechUnavailableException($"Azure AI Speech {operation} answered {status} ({response.ReasonPhrase}){wait}.", response.StatusCode, retryAfter);
    }

    public static SpeechUnavailableException TimedOut(string operation, TimeSpan deadline, Exception inner) =>
        new($"Azure AI Speech {operation} timed out after {deadline.TotalSeconds:0.##} s.", statusCode: null, retryAfter: null, new TimeoutException(inner.Message, inner));

    public static SpeechUnavailableException Unreachable(string operation, Exception inner) =>
        new($"Azure AI Speech {operation} failed: {inner.GetType().Name} ({(inner as HttpRequestException)?.HttpRequestError.ToString() ?? inner.Message}).", statusCode: null, retryAfter: null, inner);

    public static SpeechUnavailableException Unreadable(string operation, string why, HttpStatusCode status) =>
        new($"Azure AI Speech {operation} answered {(int)status} with {why}.", status, retryAfter: null);
}
