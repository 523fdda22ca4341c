using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// Google Calendar settings (section <c>GoogleCalendar</c>). Setting <see cref="CalendarId"/> switches the provider on.
/// Credentials are either a user's refresh token (<see cref="ClientId"/> + <see cref="ClientSecret"/> + <see cref="RefreshToken"/>)
/// or a service-account key (<see cref="ServiceAccountJson"/>); they come from Key Vault or the environment, never source.
/// </summary>
public sealed class GoogleCalendarOptions
{
    public const string Section = "GoogleCalendar";

    /// <summary>The calendar to read and write: <c>primary</c> or an id such as <c>abc@group.calendar.google.com</c>.</summary>
    public string? CalendarId { get; set; }

    public Uri BaseUrl { get; set; } = new("https://www.googleapis.com/calendar/v3/");

    public Uri TokenUrl { get; set; } = new("https://oauth2.googleapis.com/token");

    /// <summary>Space-separated OAuth scopes (freeBusy needs more than <c>calendar.events</c>).</summary>
    public string Scopes { get; set; } = "https://www.googleapis.com/auth/calendar";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>The service account's JSON key file content (<c>client_email</c>, <c>private_key</c>, <c>private_key_id</c>).</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>With a service account and domain-wide delegation: the user to act as (<c>sub</c>).</summary>
    public string? Subject { get; set; }

    /// <summary>One attempt's timeout (fractions allowed).</summary>
    [Range(0.01, 300)]
    public double RequestTimeoutSeconds { get; set; } = 2.5;

    /// <summary>
    /// All attempts of one operation together, backoff included. A caller is waiting on the line: a booking turn may
    /// read busy times and then write the event, so twice this must stay inside <c>Voice:TurnDeadlineSeconds</c> (10 s).
    /// </summary>
    [Range(0.05, 600)]
    public double TotalTimeoutSeconds { get; set; } = 4;

    [Range(1, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First backoff; later ones grow exponentially with jitter. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A 429/503 whose <c>Retry-After</c> asks for longer than this is not retried: we fail fast and let the booking flow fall back.</summary>
    [Range(0, 600)]
    public double MaxRetryAfterSeconds { get; set; } = 2;

    /// <summary>Failure ratio in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 1000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesServiceAccount => !string.IsNullOrWhiteSpace(ServiceAccountJson);

    public bool UsesRefreshToken =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RefreshToken);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(CalendarId);
}
