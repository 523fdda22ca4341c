using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace VoiceAgent.Simulator.Tests.TwilioApi;

/// <summary>
/// The stand-in's IncomingPhoneNumbers: the account's numbers as Twilio lists them (found by number, webhooks unset until
/// configured), an update the SDK sends and reads back, and Twilio's 401 and 404.
/// </summary>
public sealed class TwilioStandInIncomingPhoneNumbersTests
{
    private const string Shop = "+15555550100";
    private const string OtherShop = "+15555550198";
    private const string App = "https://agent.example.com";

    [Fact]
    public async Task ReadAsync_ByPhoneNumber_FindsThatNumberWithNoWebhooksYet()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phoneNumbers: [Shop, OtherShop]);

        var found = (await IncomingPhoneNumberResource.ReadAsync(phoneNumber: new PhoneNumber(Shop), client: twilio.Client)).ToList();

        var number = Assert.Single(found);
        Assert.Matches("^PN[0-9a-f]{32}$", number.Sid);
        Assert.Equal((Shop, twilio.StandIn.AccountSid, "(555) 555-0100"), (number.PhoneNumber.ToString(), number.AccountSid, number.FriendlyName));
        Assert.Equal(((Uri?)null, (Uri?)null, (Uri?)null), (number.VoiceUrl, number.VoiceFallbackUrl, number.StatusCallback));
        Assert.True(number.Capabilities.Voice);
        Assert.Equal($"/2010-04-01/Accounts/{twilio.StandIn.AccountSid}/IncomingPhoneNumbers/{number.Sid}.json", number.Uri);
    }

    [Fact]
    public async Task List_OverHttp_IsTwiliosListEnvelope()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phoneNumbers: [Shop, OtherShop]);

        using var response = await GetAsync(twilio, $"/2010-04-01/Accounts/{twilio.StandIn.AccountSid}/IncomingPhoneNumbers.json?PhoneNumber={Uri.EscapeDataString(OtherShop)}", StandInUnderTest.AuthToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var number = Assert.Single(root.GetProperty("incoming_phone_numbers").EnumerateArray());
        Assert.Equal(OtherShop, number.GetProperty("phone_number").GetString());
        Assert.Equal(JsonValueKind.Null, number.GetProperty("voice_url").ValueKind);
        Assert.Equal("POST", number.GetProperty("voice_method").GetString());
        Assert.All(new[] { "sms_url", "voice_fallback_url", "status_callback" }, name => Assert.True(number.TryGetProperty(name, out _), name));
        Assert.Equal((0, 50, JsonValueKind.Null), (root.GetProperty("page").GetInt32(), root.GetProperty("page_size").GetInt32(), root.GetProperty("next_page_uri").ValueKind));
        Assert.StartsWith($"/2010-04-01/Accounts/{twilio.StandIn.AccountSid}/IncomingPhoneNumbers.json?PhoneNumber=", root.GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_ThroughTheSdk_SetsTheWebhooksThatAFetchReads()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phoneNumbers: [Shop]);
        var number = (await IncomingPhoneNumberResource.ReadAsync(phoneNumber: new PhoneNumber(Shop), client: twilio.Client)).Single();

        await IncomingPhoneNumberResource.UpdateAsync(
            pathSid: number.Sid,
            voiceUrl: new Uri($"{App}/api/voice/incoming"),
            voiceMethod: Twilio.Http.HttpMethod.Post,
            voiceFallbackUrl: new Uri($"{App}/api/voice/fallback"),
            statusCallback: new Uri($"{App}/api/voice/status"),
            client: twilio.Client);
        var fetched = await IncomingPhoneNumberResource.FetchAsync(number.Sid, client: twilio.Client);

        Assert.Equal(
            ($"{App}/api/voice/incoming", "POST", $"{App}/api/voice/fallback", $"{App}/api/voice/status", (Uri?)null),
            (fetched.VoiceUrl.ToString(), fetched.VoiceMethod.ToString().ToUpperInvariant(), fetched.VoiceFallbackUrl.ToString(), fetched.StatusCallback.ToString(), fetched.SmsUrl));
        Assert.Equal($"{App}/api/voice/incoming", twilio.StandIn.PhoneNumbers.Single().VoiceUrl);
    }

    [Fact]
    public async Task ReadAsync_WithAWrongAuthToken_IsTwiliosError20003()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phoneNumbers: [Shop]);

        var error = await Assert.ThrowsAsync<ApiException>(() => IncomingPhoneNumberResource.ReadAsync(phoneNumber: new PhoneNumber(Shop), client: twilio.ClientWith(twilio.StandIn.AccountSid, "not-the-token")));

        Assert.Equal((20003, 401), (error.Code, error.Status));
        Assert.Null(twilio.StandIn.PhoneNumbers.Single().VoiceUrl);
    }

    [Fact]
    public async Task UpdateAsync_ANumberTheAccountDoesNotHave_IsTwilios404()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phoneNumbers: [Shop]);

        var error = await Assert.ThrowsAsync<ApiException>(() => IncomingPhoneNumberResource.UpdateAsync(pathSid: "PN" + new string('0', 32), voiceUrl: new Uri($"{App}/api/voice/incoming"), client: twilio.Client));

        Assert.Equal((20404, 404), (error.Code, error.Status));
    }

    private static Task<HttpResponseMessage> GetAsync(StandInUnderTest twilio, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(twilio.StandIn.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.StandIn.AccountSid}:{token}")));
        return twilio.Http.SendAsync(request);
    }
}
