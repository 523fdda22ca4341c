namespace VoiceAgent.TwilioApiStandIn.Messaging;

/// <summary>
/// What happens to a message after Twilio accepted it: it is sent and delivered, and when the request gave a
/// <c>StatusCallback</c>, Twilio posts <c>sent</c> and then <c>delivered</c> there, signed (no callback for <c>queued</c>).
/// </summary>
internal static class MessageDelivery
{
    public static async Task RunAsync(StandInContext context, RecordedMessage message, Task responded)
    {
        await responded;
        foreach (var status in (string[])["sent", "delivered"])
        {
            var now = context.Time.GetUtcNow();
            var current = context.Messages.Update(message.Sid, m => m with { Status = status, DateUpdated = now, DateSent = m.DateSent ?? now });
            if (current.StatusCallback is { } url)
            {
                await context.Webhooks.SendAsync(url, "POST", Fields(context, current), context.Stopping);
                context.Acted();
            }
        }
    }

    private static List<KeyValuePair<string, string>> Fields(StandInContext context, RecordedMessage message) =>
    [
        new("AccountSid", context.Account.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("From", message.From),
        new("MessageSid", message.Sid),
        new("MessageStatus", message.Status),
        new("SmsSid", message.Sid),
        new("SmsStatus", message.Status),
        new("To", message.To),
    ];
}
