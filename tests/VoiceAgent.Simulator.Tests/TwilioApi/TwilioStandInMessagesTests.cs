using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace VoiceAgent.Simulator.Tests.TwilioApi;

/// <summary>The stand-in's Messages API through Twilio's own SDK: what the app's client sends, and whether the SDK reads every answer.</summary>
public sealed class TwilioStandInMessagesTests
{
    private const string Shop = "+15555550100";
    private const string Customer = "+15555550102";

    [Fact]
    public async Task CreateAsync_ThroughTheSdk_AnswersAQueuedMessageTheSdkReads()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var message = await MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "See you Wed, Dec 2 at 9:00 AM.", client: twilio.Client);

        Assert.Matches("^SM[0-9a-f]{32}$", message.Sid);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
        Assert.Equal((Customer, Shop, "See you Wed, Dec 2 at 9:00 AM."), (message.To, message.From.ToString(), message.Body));
        Assert.Equal(twilio.StandIn.AccountSid, message.AccountSid);
        Assert.Equal(MessageResource.DirectionEnum.OutboundApi, message.Direction);
        Assert.Equal(StandInUnderTest.Now.UtcDateTime, message.DateCreated!.Value.ToUniversalTime());
        Assert.Null(message.DateSent);
        Assert.Equal($"/2010-04-01/Accounts/{twilio.StandIn.AccountSid}/Messages/{message.Sid}.json", message.Uri);
    }

    [Fact]
    public async Task CreateAsync_SameMessageTwice_RecordsTwoMessages()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var first = await MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "Booked.", client: twilio.Client);
        var second = await MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "Booked.", client: twilio.Client);

        Assert.NotEqual(first.Sid, second.Sid);
        Assert.Equal([first.Sid, second.Sid], twilio.StandIn.Messages.Select(m => m.Sid));
    }

    [Fact]
    public async Task CreateAsync_ToAnOptedOutNumber_IsTwiliosError21610AndSendsNothing()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        twilio.StandIn.OptOut(Customer);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "Booked.", client: twilio.Client));

        Assert.Equal((21610, 400), (error.Code, error.Status));
        Assert.Equal("https://www.twilio.com/docs/errors/21610", error.MoreInfo);
        Assert.Empty(twilio.StandIn.Messages);
        Assert.Equal(21610, Assert.Single(twilio.StandIn.RejectedMessages).ErrorCode);
    }

    [Fact]
    public async Task CreateAsync_AfterOptingBackIn_IsSent()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        twilio.StandIn.OptOut(Customer);
        twilio.StandIn.OptIn(Customer);

        await MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "Booked.", client: twilio.Client);

        Assert.Single(twilio.StandIn.Messages);
    }

    [Theory]
    [InlineData("", "Booked.", 21604)]
    [InlineData(Customer, "", 21602)]
    [InlineData("555-0102", "Booked.", 21211)]
    public async Task CreateAsync_InvalidRequest_IsTwiliosValidationError(string to, string body, int code)
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(Shop), Body = body }, twilio.Client));

        Assert.Equal((code, 400), (error.Code, error.Status));
        Assert.Empty(twilio.StandIn.Messages);
    }

    [Fact]
    public async Task CreateAsync_WithAWrongAuthToken_IsTwiliosError20003()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "x", client: twilio.ClientWith(twilio.StandIn.AccountSid, "wrong")));

        Assert.Equal((20003, 401), (error.Code, error.Status));
        Assert.Empty(twilio.StandIn.Messages);
    }

    [Fact]
    public async Task CreateAsync_ForAnotherAccount_IsTwiliosError20003()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        var other = "AC" + new string('0', 32);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "x", client: twilio.ClientWith(other, StandInUnderTest.AuthToken)));

        Assert.Equal(20003, error.Code);
    }

    [Fact]
    public async Task ReadAsync_ByToFromAndDateSentAfter_ListsThoseNewestFirst()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        await Send(twilio, Customer, "early");
        await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        twilio.Clock.Advance(TimeSpan.FromMinutes(10));
        var since = twilio.Clock.GetUtcNow();
        await Send(twilio, Customer, "first");
        await Send(twilio, "+15555550101", "someone else");
        await Send(twilio, Customer, "second");
        await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        var found = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(Customer), From = new PhoneNumber(Shop), DateSentAfter = since.UtcDateTime }, twilio.Client);

        Assert.Equal(["second", "first"], found.Select(m => m.Body));
        Assert.All(found, m => Assert.Equal(since.UtcDateTime, m.DateSent!.Value.ToUniversalTime()));
    }

    [Fact]
    public async Task ReadAsync_DateSentBeforeADay_ListsThatDayAndEarlier()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        await Send(twilio, Customer, "today");
        await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        twilio.Clock.Advance(TimeSpan.FromDays(1));
        await Send(twilio, Customer, "tomorrow");
        await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        var found = await MessageResource.ReadAsync(new ReadMessageOptions { DateSentBefore = StandInUnderTest.Now.UtcDateTime.Date.AddHours(23) }, twilio.Client);

        Assert.Equal(["today"], found.Select(m => m.Body));
    }

    [Fact]
    public async Task ReadAsync_MoreThanOnePage_TheSdkFollowsTheNextPageUris()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await Send(twilio, Customer, $"m{i}");
        }

        var page = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(Customer), PageSize = 2 }, twilio.Client);

        Assert.Equal(["m4", "m3", "m2", "m1", "m0"], page.Select(m => m.Body));
    }

    [Fact]
    public async Task FetchAsync_AfterDelivery_ReadsDeliveredWithItsSendDate()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        var sent = await Send(twilio, Customer, "Booked.");
        await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        var fetched = await MessageResource.FetchAsync(sent.Sid, client: twilio.Client);

        Assert.Equal(MessageResource.StatusEnum.Delivered, fetched.Status);
        Assert.Equal(StandInUnderTest.Now.UtcDateTime, fetched.DateSent!.Value.ToUniversalTime());
    }

    [Fact]
    public async Task CreateAsync_WithAStatusCallback_PostsSentThenDeliveredSigned()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var sent = await MessageResource.CreateAsync(new PhoneNumber(Customer), from: new PhoneNumber(Shop), body: "Booked.", statusCallback: new Uri(StandInUnderTest.PublicBaseUrl, "/api/sms/status?appointment=a1"), client: twilio.Client);
        await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(["sent", "delivered"], twilio.App.Requests.Select(r => r.Field("MessageStatus")));
        Assert.All(twilio.App.Requests, r => Assert.True(r.Signed));
        Assert.All(twilio.App.Requests, r => Assert.Equal(("/api/sms/status", "?appointment=a1", sent.Sid, Customer), (r.Path, r.Query, r.Field("MessageSid"), r.Field("To"))));
    }

    private static Task<MessageResource> Send(StandInUnderTest twilio, string to, string body) =>
        MessageResource.CreateAsync(new PhoneNumber(to), from: new PhoneNumber(Shop), body: body, client: twilio.Client);
}
