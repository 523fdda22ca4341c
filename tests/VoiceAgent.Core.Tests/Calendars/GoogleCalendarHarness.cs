using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

/// <summary>The real <see cref="CalendarServiceCollectionExtensions.AddCalendars"/> registration pointed at a <see cref="FakeGoogleCalendarServer"/>, with test-sized timings.</summary>
public sealed class GoogleCalendarHarness : IAsyncDisposable
{
    public const string CalendarId = "northside-shop@group.calendar.google.com";

    private readonly ServiceProvider _services;

    private GoogleCalendarHarness(ServiceProvider services) => _services = services;

    public ICalendarProvider Provider => _services.GetRequiredService<ICalendarProvider>();

    public IServiceProvider Services => _services;

    public static Dictionary<string, string?> Settings(FakeGoogleCalendarServer server) => new()
    {
        ["GoogleCalendar:CalendarId"] = CalendarId,
        ["GoogleCalendar:BaseUrl"] = server.BaseUrl,
        ["GoogleCalendar:TokenUrl"] = server.TokenUrl,
        ["GoogleCalendar:ClientId"] = FakeGoogleCalendarServer.ClientId,
        ["GoogleCalendar:ClientSecret"] = FakeGoogleCalendarServer.ClientSecret,
        ["GoogleCalendar:RefreshToken"] = FakeGoogleCalendarServer.RefreshToken,
        ["GoogleCalendar:RequestTimeoutSeconds"] = "5",
        ["GoogleCalendar:TotalTimeoutSeconds"] = "20",
        ["GoogleCalendar:MaxRetryAttempts"] = "3",
        ["GoogleCalendar:RetryBaseDelay"] = "00:00:00.010",
        ["GoogleCalendar:CircuitBreakerMinimumThroughput"] = "100",
    };

    public static GoogleCalendarHarness Create(FakeGoogleCalendarServer server, Action<Dictionary<string, string?>>? adjust = null)
    {
        var settings = Settings(server);
        adjust?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddCalendars(configuration);
        return new GoogleCalendarHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
