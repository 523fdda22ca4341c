using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VoiceAgent.TwilioApiStandIn.Messaging;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// <c>/2010-04-01/Accounts/{AccountSid}/Messages.json</c>: send (form <c>To</c>, <c>From</c>, <c>Body</c>,
/// <c>StatusCallback</c>) and list (filters <c>To</c>, <c>From</c>, <c>DateSent</c>, <c>DateSent&gt;</c>, <c>DateSent&lt;</c>,
/// newest first), and fetch one message. Every accepted send is a new message; an opted-out recipient is Twilio's 21610.
/// </summary>
internal static class MessagesApi
{
    public const int MaxBodyLength = 1600;

    public static void MapMessages(this RouteGroupBuilder account)
    {
        account.MapPost("/Messages.json", CreateAsync);
        account.MapGet("/Messages.json", List);
        account.MapGet("/Messages/{messageSid}.json", Fetch);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, StandInContext context)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string to = form["To"].ToString().Trim(), from = form["From"].ToString().Trim(), body = form["Body"].ToString();
        var now = context.Time.GetUtcNow();
        if (Invalid(to, from, body, form["MessagingServiceSid"].ToString(), form["MediaUrl"].Count) is { } invalid)
        {
            return invalid.ToResult();
        }

        if (context.Messages.IsOptedOut(to))
        {
            context.Messages.Reject(new RejectedMessage(from, to, body, 21610, now));
            return TwilioError.BadRequest(21610, "Attempt to send to unsubscribed recipient").ToResult();
        }

        var message = new RecordedMessage
        {
            Sid = Sids.New("SM"),
            Sequence = context.NextSequence(),
            AccountSid = context.Account.AccountSid,
            From = from,
            To = to,
            Body = body,
            Status = "queued",
            DateCreated = now,
            DateUpdated = now,
            StatusCallback = form["StatusCallback"].ToString() is { Length: > 0 } callback ? callback : null,
        };
        context.Messages.Add(message);
        var responded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        http.Response.OnCompleted(() => Task.FromResult(responded.TrySetResult()));
        context.MessageWork.Track(MessageDelivery.RunAsync(context, message, responded.Task));
        await context.AcceptedAsync(message.Sid);
        return TypedResults.Json(MessageJson.Of(message), TwilioJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(HttpRequest request, StandInContext context)
    {
        var sent = DateFilter.Read(request.Query, "DateSent", out var error);
        if (error is not null)
        {
            return error.ToResult();
        }

        string? to = Filter(request, "To"), from = Filter(request, "From");
        var matching = context.Messages.Messages
            .Where(m => (to is null || m.To == to) && (from is null || m.From == from) && sent.Matches(m.DateSent))
            .Reverse()
            .Select(MessageJson.Of)
            .ToList();
        return ListPage.Create(request, "messages", matching);
    }

    private static IResult Fetch(string messageSid, HttpRequest request, StandInContext context) =>
        context.Messages.Find(messageSid) is { } message
            ? TypedResults.Json(MessageJson.Of(message), TwilioJson.Options)
            : TwilioError.NotFound(request.Path).ToResult();

    private static TwilioError? Invalid(string to, string from, string body, string messagingService, int media)
    {
        if (to.Length == 0)
        {
            return TwilioError.BadRequest(21604, "A 'To' phone number is required.");
        }

        if (from.Length == 0 && messagingService.Length == 0)
        {
            return TwilioError.BadRequest(21603, "A 'From' phone number is required.");
        }

        if (body.Length == 0 && media == 0)
        {
            return TwilioError.BadRequest(21602, "Message body is required.");
        }

        if (!PhoneNumbers.IsE164(to))
        {
            return TwilioError.BadRequest(21211, $"Invalid 'To' Phone Number: {to}");
        }

        return body.Length > MaxBodyLength
            ? TwilioError.BadRequest(21617, $"The concatenated message body exceeds the {MaxBodyLength} character limit.")
            : null;
    }

    private static string? Filter(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
