using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace VoiceAgent.Core.Calendars;

public static class CalendarServiceCollectionExtensions
{
    public const string ResiliencePipelineName = "google-calendar";

    /// <summary>
    /// Registers <see cref="ICalendarProvider"/>: Google Calendar when <c>GoogleCalendar:CalendarId</c> is set (options validated
    /// on start), otherwise the built-in calendar (the Schedule table).
    /// </summary>
    public static IServiceCollection AddCalendars(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GoogleCalendarOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(GoogleCalendarOptions.CalendarId)]))
        {
            services.TryAddSingleton<ICalendarProvider, BuiltInCalendarProvider>();
            return services;
        }

        services.AddOptions<GoogleCalendarOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.BaseUrl.IsAbsoluteUri && o.TokenUrl.IsAbsoluteUri, "GoogleCalendar:BaseUrl and TokenUrl must be absolute URLs.")
            .Validate(o => o.UsesServiceAccount ^ o.UsesRefreshToken,
                "GoogleCalendar: set either ClientId + ClientSecret + RefreshToken, or ServiceAccountJson (exactly one of the two).")
            .Validate(o => o.TotalTimeoutSeconds >= o.RequestTimeoutSeconds, "GoogleCalendar:TotalTimeoutSeconds must be at least RequestTimeoutSeconds.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGoogleAccessTokenSource>(sp => sp.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value.UsesServiceAccount
            ? ActivatorUtilities.CreateInstance<GoogleServiceAccountTokenSource>(sp)
            : ActivatorUtilities.CreateInstance<GoogleRefreshTokenSource>(sp));
        services.AddTransient<GoogleAuthHandler>();
        services.AddHttpClient(GoogleRefreshTokenSource.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value.RequestTimeoutSeconds));

        // Handler order, outermost first: total timeout → retry → circuit breaker → attempt timeout → auth (token + one 401 refresh).
        var client = services.AddHttpClient<ICalendarProvider, GoogleCalendarProvider>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value.BaseUrl.AbsoluteUri;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            });
        client.AddResilienceHandler(ResiliencePipelineName, (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();

                // Timeouts and backoff are network waits, measured on the real clock even when the app's business clock
                // (TimeProvider in DI) is a fake one, as in the call simulator and the tests.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddTimeout(TimeSpan.FromSeconds(o.TotalTimeoutSeconds))
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        // Inserts are safe to retry: the client-supplied event id turns a repeat into 409 "duplicate".
                        MaxRetryAttempts = o.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryBaseDelay,
                        ShouldRetryAfterHeader = true,
                        // A caller is on the phone: when Google asks us to come back later than we can wait, fail fast instead.
                        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                            && !(RetryAfter(args.Outcome.Result, time) > TimeSpan.FromSeconds(o.MaxRetryAfterSeconds))),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = o.CircuitBreakerFailureRatio,
                        MinimumThroughput = o.CircuitBreakerMinimumThroughput,
                        SamplingDuration = o.CircuitBreakerSamplingDuration,
                        BreakDuration = o.CircuitBreakerBreakDuration,
                    })
                    .AddTimeout(TimeSpan.FromSeconds(o.RequestTimeoutSeconds));
            });
        client.AddHttpMessageHandler<GoogleAuthHandler>();
        return services;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
