using System.Net;
using Polly.CircuitBreaker;
using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

/// <summary>Token refresh, retries, circuit breaker and timeouts of the Google provider, scripted on the fake API.</summary>
public sealed class GoogleCalendarResilienceTests
{
    private static readonly DateTimeOffset From = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AnyCall_TokenCached_FetchesOneTokenForManyCalls()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);

        await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None);
        await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        var token = Assert.Single(google.TokenRequests);
        Assert.Equal("refresh_token", token.Form!["grant_type"]);
        Assert.Equal(FakeGoogleCalendarServer.RefreshToken, token.Form["refresh_token"]);
        Assert.Equal(FakeGoogleCalendarServer.ClientId, token.Form["client_id"]);
        Assert.Equal(FakeGoogleCalendarServer.ClientSecret, token.Form["client_secret"]);
    }

    [Fact]
    public async Task AnyCall_AccessTokenRevoked_RefreshesOnceAndSucceeds()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None);
        google.RevokeAccessTokens();

        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        Assert.Single(google.LiveEvents);
        Assert.Equal(2, google.TokenRequests.Count);
        var inserts = google.ApiRequests.Where(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Bearer ya29.test-1", "Bearer ya29.test-2"], inserts.Select(r => r.Authorization));
        Assert.False(string.IsNullOrEmpty(eventId));
    }

    [Fact]
    public async Task AnyCall_RefreshTokenRejected_ThrowsWithoutRetrying()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s => s["GoogleCalendar:RefreshToken"] = "1//revoked");

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() => calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None));

        Assert.Equal("invalid_grant", ex.Reason);
        Assert.False(ex.IsTransient);
        Assert.Single(google.TokenRequests);
        Assert.Empty(google.ApiRequests);
    }

    [Fact]
    public async Task AnyCall_TokenEndpointFailsOnce_RetriesAndSucceeds()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        google.FailNextToken(HttpStatusCode.ServiceUnavailable);

        await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None);

        Assert.Equal(2, google.TokenRequests.Count);
        Assert.Single(google.ApiRequests);
    }

    [Fact]
    public async Task AnyCall_429WithRetryAfter_WaitsAsToldThenSucceeds()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        google.FailNext(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1);

        await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        Assert.Single(google.LiveEvents);
        var attempts = google.ApiRequests;
        Assert.Equal(2, attempts.Count);
        // The configured backoff is 10 ms; only the Retry-After header explains a ~1 s gap.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AnyCall_429WithRetryAfterBeyondOurPatience_FailsFastWithoutRetrying()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        google.FailNext(HttpStatusCode.TooManyRequests, retryAfterSeconds: 120);

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() => calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("rateLimitExceeded", ex.Reason);
        Assert.Single(google.ApiRequests);
    }

    [Fact]
    public async Task AnyCall_TwoServerErrorsThenSuccess_Succeeds()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        google.FailNext(HttpStatusCode.InternalServerError);
        google.FailNext(HttpStatusCode.BadGateway);

        await calendar.Provider.DeleteEventAsync("abcdefghij", CalendarTestData.Tenant, None);

        Assert.Equal(3, google.ApiRequests.Count);
    }

    [Fact]
    public async Task AnyCall_ServerErrorsExhaustRetries_ThrowsCalendarUnavailable()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        google.AlwaysFail = HttpStatusCode.ServiceUnavailable;

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() =>
            calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("backendError", ex.Reason);
        Assert.True(ex.IsTransient);
        Assert.Equal(1 + 3, google.ApiRequests.Count);
        Assert.Empty(google.Events);
    }

    [Fact]
    public async Task AnyCall_EveryAttemptHangs_ThrowsCalendarUnavailableAfterTimeouts()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s =>
        {
            // Long enough that a busy machine still delivers each attempt to the fake before the client gives up on it
            // (at 0.2 s a loaded CI run saw the second attempt cut before it arrived); two attempts fit the 4 s total.
            s["GoogleCalendar:RequestTimeoutSeconds"] = "1";
            s["GoogleCalendar:MaxRetryAttempts"] = "1";
        });
        google.HangNext(afterApplying: false);
        google.HangNext(afterApplying: false);

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() => calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
        Assert.True(ex.IsTransient);
        Assert.Equal(2, google.ApiRequests.Count);
    }

    [Fact]
    public async Task AnyCall_RepeatedFailures_OpenTheCircuitAndStopCallingGoogle()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s =>
        {
            s["GoogleCalendar:MaxRetryAttempts"] = "1";
            s["GoogleCalendar:CircuitBreakerMinimumThroughput"] = "2";
            s["GoogleCalendar:CircuitBreakerFailureRatio"] = "0.5";
        });
        google.AlwaysFail = HttpStatusCode.ServiceUnavailable;
        await Assert.ThrowsAsync<CalendarUnavailableException>(() => calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None));
        var callsBeforeOpen = google.ApiRequests.Count;
        google.AlwaysFail = null;

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() => calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, None));

        Assert.IsType<BrokenCircuitException>(ex.InnerException, exactMatch: false);
        Assert.True(ex.IsTransient);
        Assert.Equal(2, callsBeforeOpen);
        Assert.Equal(callsBeforeOpen, google.ApiRequests.Count);
    }

    [Fact]
    public async Task AnyCall_CallerCancels_ThrowsOperationCanceledNotUnavailable()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        google.HangNext(afterApplying: false);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, From, To, cancellation.Token));
    }
}
