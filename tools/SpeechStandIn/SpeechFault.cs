using System.Globalization;

namespace VoiceAgent.SpeechStandIn;

/// <summary>
/// A failure the next request of one operation answers with: an HTTP error (429 with <c>Retry-After</c>, 500, …) or a
/// slow first byte (the answer, normal otherwise, starts only after a delay). For the app's deadlines and fallbacks.
/// </summary>
public sealed record SpeechFault
{
    private SpeechFault(int statusCode, TimeSpan? retryAfter, TimeSpan firstByteDelay)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        FirstByteDelay = firstByteDelay;
    }

    /// <summary>The HTTP error answered; 0 when the answer is the normal one, only late.</summary>
    public int StatusCode { get; }

    /// <summary>Sent as <c>Retry-After</c> in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Real time before anything (headers included) is sent.</summary>
    public TimeSpan FirstByteDelay { get; }

    public static SpeechFault Http(int statusCode, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(statusCode, retryAfter, TimeSpan.Zero);
    }

    /// <summary>429 Too Many Requests, as Speech answers past the resource's concurrency limit.</summary>
    public static SpeechFault RateLimited(TimeSpan? retryAfter = null) => Http(429, retryAfter);

    public static SpeechFault ServerError { get; } = Http(500);

    /// <summary>The normal answer, after <paramref name="delay"/> of silence (ended early if the client gives up or the stand-in stops).</summary>
    public static SpeechFault SlowFirstByte(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(0, null, delay);
    }

    public override string ToString() => StatusCode == 0
        ? string.Create(CultureInfo.InvariantCulture, $"first byte after {FirstByteDelay.TotalSeconds:0.###} s")
        : RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"{StatusCode} (Retry-After {wait.TotalSeconds:0} s)")
        : StatusCode.ToString(CultureInfo.InvariantCulture);
}
