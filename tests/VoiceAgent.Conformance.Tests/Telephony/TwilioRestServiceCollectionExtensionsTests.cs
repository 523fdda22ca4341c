using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using TwilioPhoneNumber = Twilio.Types.PhoneNumber;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// The registered Twilio REST client, reached through Twilio's own SDK calls, against a local server speaking Twilio's wire
/// format (<see cref="FakeTwilioApi"/>): <see cref="TwilioOptions.ApiBaseUrl"/> redirects the SDK's requests to it.
/// </summary>
public sealed class TwilioRestServiceCollectionExtensionsTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "test-auth-token";
    private const string MessageSid = "SM0123456789abcdef0123456789abcdef";

    private const string CreatedMessage = $$"""
        {
          "account_sid": "{{AccountSid}}", "api_version": "2010-04-01", "body": "Your oil change is booked for Tuesday 9:00.",
          "date_created": "Tue, 01 Dec 2026 15:00:00 +0000", "date_sent": null, "date_updated": "Tue, 01 Dec 2026 15:00:00 +0000",
          "direction": "outbound-api", "error_code": null, "error_message": null, "from": "+15005550006",
          "messaging_service_sid": null, "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD",
          "sid": "{{MessageSid}}", "status": "queued", "subresource_uris": {}, "to": "+14155552671",
          "uri": "/2010-04-01/Accounts/{{AccountSid}}/Messages/{{MessageSid}}.json"
        }
        """;

    private const string InvalidToNumber = """
        {"code": 21211, "message": "Invalid 'To' Phone Number: +1415555", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}
        """;

    [Fact]
    public async Task CreateMessage_LocalTwilioApi_PostsTheFormWithBasicAuthAndParsesTheMessage()
    {
        await using var api = await FakeTwilioApi.StartAsync(201, CreatedMessage);
        await using var services = Services(AccountSid, api.BaseUrl);

        var message = await MessageResource.CreateAsync(
            to: new TwilioPhoneNumber("+14155552671"),
            from: new TwilioPhoneNumber("+15005550006"),
            body: "Your oil change is booked for Tuesday 9:00.",
            client: services.GetRequiredService<ITwilioRestClient>());

        var request = Assert.Single(api.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("+14155552671", request.Form["To"]);
        Assert.Equal("+15005550006", request.Form["From"]);
        Assert.Equal("Your oil change is booked for Tuesday 9:00.", request.Form["Body"]);
        Assert.Equal(MessageSid, message.Sid);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
    }

    [Fact]
    public async Task CreateMessage_TwilioErrorBody_ThrowsApiExceptionWithTheCode()
    {
        await using var api = await FakeTwilioApi.StartAsync(400, InvalidToNumber);
        await using var services = Services(AccountSid, api.BaseUrl);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            to: new TwilioPhoneNumber("+1415555"),
            from: new TwilioPhoneNumber("+15005550006"),
            body: "Reminder",
            client: services.GetRequiredService<ITwilioRestClient>()));

        Assert.Equal(21211, error.Code);
        Assert.Equal(400, error.Status);
        Assert.Equal("https://www.twilio.com/docs/errors/21211", error.MoreInfo);
        Assert.Single(api.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void GetRequiredService_MissingAccountSid_ThrowsInvalidOperationExceptionNamingTheSetting(string? accountSid)
    {
        using var services = Services(accountSid, apiBaseUrl: null);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ITwilioRestClient>());

        Assert.Contains("Twilio:AccountSid", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string? accountSid, Uri? apiBaseUrl)
    {
        var services = new ServiceCollection();
        services.Configure<TwilioOptions>(options =>
        {
            options.AccountSid = accountSid;
            options.AuthToken = AuthToken;
            options.ApiBaseUrl = apiBaseUrl;
            options.PublicBaseUrl = new Uri("https://voiceagent.example.com");
        });
        services.AddTwilioRestClient();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
