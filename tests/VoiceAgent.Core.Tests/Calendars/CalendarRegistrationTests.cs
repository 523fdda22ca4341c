using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

public sealed class CalendarRegistrationTests
{
    [Fact]
    public void AddCalendars_NoGoogleCalendarId_RegistersBuiltInCalendar()
    {
        using var services = Build(new() { ["GoogleCalendar:ClientId"] = "ignored" });

        Assert.IsType<BuiltInCalendarProvider>(services.GetRequiredService<ICalendarProvider>());
    }

    [Fact]
    public void AddCalendars_GoogleCalendarIdWithRefreshToken_RegistersGoogleCalendar()
    {
        using var services = Build(new()
        {
            ["GoogleCalendar:CalendarId"] = "primary",
            ["GoogleCalendar:ClientId"] = "id",
            ["GoogleCalendar:ClientSecret"] = "secret",
            ["GoogleCalendar:RefreshToken"] = "refresh",
        });

        Assert.IsType<GoogleCalendarProvider>(services.GetRequiredService<ICalendarProvider>());
        Assert.Equal("https://www.googleapis.com/calendar/v3/", services.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public void AddCalendars_GoogleCalendarIdWithoutCredentials_FailsValidation()
    {
        using var services = Build(new() { ["GoogleCalendar:CalendarId"] = "primary", ["GoogleCalendar:ClientId"] = "id" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value);

        Assert.Contains("RefreshToken", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddCalendars(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
}
