using System.Globalization;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// A failure a scripted step answers with instead of a completion: an HTTP error in OpenAI's error JSON (429 with
/// <c>Retry-After</c>, 500, …) or a hang that never answers until the client gives up. Tests of the app's deadlines,
/// retries, circuit breaker and fallback use these.
/// </summary>
public sealed record ScriptFault
{
    private ScriptFault(int statusCode, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status answered; 0 for a hang.</summary>
    public int StatusCode { get; }

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) and <c>retry-after-ms</c>, as OpenAI and Azure do on a 429.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the request is never answered: the stand-in holds it until the client cancels or aborts.</summary>
    public bool Hangs => StatusCode == 0;

    /// <summary>An HTTP error (400-599) in OpenAI's error JSON.</summary>
    public static ScriptFault Http(int statusCode, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        }

        return new(statusCode, retryAfter);
    }

    /// <summary>429 Too Many Requests, with <c>Retry-After</c> when <paramref name="retryAfter"/> is given.</summary>
    public static ScriptFault RateLimited(TimeSpan? retryAfter = null) => Http(429, retryAfter);

    /// <summary>500, OpenAI's "The server had an error while processing your request".</summary>
    public static ScriptFault ServerError { get; } = Http(500);

    /// <summary>Never answers; ends when the client cancels (or the stand-in is disposed, which aborts the connection).</summary>
    public static ScriptFault Hang { get; } = new(0, null);

    public override string ToString() => Hangs ? "hang"
        : RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"{StatusCode} (Retry-After {wait.TotalSeconds:0.###} s)")
        : StatusCode.ToString(CultureInfo.InvariantCulture);
}
