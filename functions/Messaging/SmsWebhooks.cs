using System.Xml.Linq;
using Microsoft.Azure.Functions.Worker;
using Twilio.TwiML;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Messaging;

/// <summary>
/// Texts to the shop's number (signed like every Twilio webhook): STOP and the other opt-out words stop our texts to
/// that number, START resumes them, HELP (or anything else, since nobody reads this inbox) gets who we are and how to
/// reach the shop. Twilio itself confirms STOP and START, so those get an empty answer.
/// </summary>
public sealed partial class SmsWebhooks(
    TwilioWebhookVerifier twilio,
    TenantDirectory tenants,
    SmsOptOutStore optOuts,
    AppointmentTexts wording,
    TimeProvider time,
    ILogger<SmsWebhooks> logger)
{
    [Function("SmsIncoming")]
    public async Task<IResult> IncomingAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/incoming")] HttpRequest request)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var webhook = await twilio.ReadAsync(request, cancellationToken);
        if (!webhook.IsVerified)
        {
            return webhook.Rejection;
        }

        var form = webhook.Form;
        if (!PhoneNumber.TryParse(form["From"].FirstOrDefault(), "US", out var from) || !PhoneNumber.TryParse(form["To"].FirstOrDefault(), "US", out var to))
        {
            return TypedResults.BadRequest("From and To must be phone numbers.");
        }

        var response = new MessagingResponse();
        try
        {
            var tenant = await tenants.FindByNumberAsync(to, cancellationToken);
            if (tenant is null)
            {
                return Twiml(response);
            }

            switch (SmsKeywords.Classify(form["Body"].FirstOrDefault() ?? string.Empty))
            {
                case SmsKeyword.OptOut:
                    await optOuts.OptOutAsync(tenant.Id, from.E164, "STOP", time.GetUtcNow(), cancellationToken);
                    LogOptedOut(logger, tenant.Id, from.Masked);
                    break;
                case SmsKeyword.OptIn:
                    await optOuts.OptInAsync(tenant.Id, from.E164, cancellationToken);
                    LogOptedIn(logger, tenant.Id, from.Masked);
                    break;
                default:
                    response.Message(wording.Help(tenant));
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Twilio's own opt-out list still blocks texts to a number that sent STOP (a later send gets 21610, recorded then).
            LogFailed(logger, from.Masked, ex);
        }

        return Twiml(response);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Twiml(MessagingResponse response) => TypedResults.Text(response.ToString(SaveOptions.DisableFormatting), VoiceReplyRenderer.ContentType);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Tenant {TenantId}: {From} opted out of texts")]
    private static partial void LogOptedOut(ILogger logger, string tenantId, string from);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Tenant {TenantId}: {From} opted back in to texts")]
    private static partial void LogOptedIn(ILogger logger, string tenantId, string from);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "A text from {From} could not be handled; Twilio's opt-out list still applies")]
    private static partial void LogFailed(ILogger logger, string from, Exception exception);
}
