using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Scheduling;

/// <summary>Google Calendar configured but unreachable: the caller still books, on our own book, within the turn.</summary>
public sealed class CalendarOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;

    public async Task InitializeAsync()
    {
        var nowhere = $"http://127.0.0.1:{ClosedPort()}/";
        _app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: new Dictionary<string, string>
        {
            ["GoogleCalendar:CalendarId"] = "shop@example.com",
            ["GoogleCalendar:ClientId"] = "client",
            ["GoogleCalendar:ClientSecret"] = "secret",
            ["GoogleCalendar:RefreshToken"] = "refresh",
            ["GoogleCalendar:BaseUrl"] = nowhere,
            ["GoogleCalendar:TokenUrl"] = nowhere + "token",
        });
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Turn_CalendarUnreachable_BookingStillStandsAndIsConfirmed()
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));

        var readBack = await SayAsync(callSid, "I need an oil change tomorrow at 9 am");
        var confirmed = await SayAsync(callSid, "yes");

        Assert.Contains("Shall I book it?", Twiml.Spoken(readBack), StringComparison.Ordinal);
        Assert.StartsWith("You're all set", Twiml.Spoken(confirmed), StringComparison.Ordinal);
        var book = await _app.Services.GetRequiredService<AppointmentStore>().ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), null, CancellationToken.None);
        var appointment = Assert.Single(book);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6)), appointment.Start);
        Assert.Null(appointment.CalendarEventId);
    }

    private async Task<System.Xml.Linq.XElement> SayAsync(string callSid, string speech)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
        return await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/turn", fields));
    }

    /// <summary>A loopback port nobody listens on: connections are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
