using System.Net;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// The external calendar could not be used: unreachable, timed out, throttled past our retries, circuit open,
/// credentials rejected, or a request it refused. The booking flow catches this and falls back.
/// </summary>
public sealed class CalendarUnavailableException : Exception
{
    public CalendarUnavailableException()
    {
    }

    public CalendarUnavailableException(string message)
        : base(message)
    {
    }

    public CalendarUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CalendarUnavailableException(string message, HttpStatusCode? statusCode, string? reason = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The last HTTP status the calendar answered with, if it answered at all.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Google's error reason (<c>rateLimitExceeded</c>, <c>notFound</c>, <c>invalid_grant</c>, …) when it gave one.</summary>
    public string? Reason { get; }

    /// <summary>True when trying again later may succeed (no answer, timeout, 429, 5xx, open circuit).</summary>
    public bool IsTransient => StatusCode is null || StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;
}
