namespace VoiceAgent.Core.Calendars;

/// <summary>OAuth access tokens for the Calendar API, cached until shortly before they expire.</summary>
internal interface IGoogleAccessTokenSource
{
    /// <summary>
    /// A usable access token. Pass the token the API just rejected (401) as <paramref name="rejectedToken"/> to force a new one;
    /// if another request already replaced it, the replacement is returned without a second refresh.
    /// Throws <see cref="HttpRequestException"/> when the token endpoint is unreachable or failing (transient) and
    /// <see cref="CalendarUnavailableException"/> when it rejects the credentials.
    /// </summary>
    Task<string> GetAccessTokenAsync(string? rejectedToken, CancellationToken cancellationToken);
}
