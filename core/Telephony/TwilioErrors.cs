using Twilio.Exceptions;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// Twilio's REST errors as the workflow acts on them (protocols.md §5.3): 21610 (the recipient replied STOP) is an opt-out;
/// 429, 20429 and every 5xx are worth retrying, as is a request that got no answer; any other 4xx is a refusal to record.
/// </summary>
public static class TwilioErrors
{
    /// <summary>"Attempt to send to unsubscribed recipient".</summary>
    public const int UnsubscribedRecipient = 21610;

    /// <summary>"Too Many Requests".</summary>
    public const int TooManyRequests = 20429;

    /// <summary>"The requested resource was not found".</summary>
    public const int NotFound = 20404;

    /// <summary>"Call is not in-progress. Cannot redirect."</summary>
    public const int CallNotInProgress = 21220;

    public static TwilioSendStatus Classify(int code, int httpStatus) => code switch
    {
        UnsubscribedRecipient => TwilioSendStatus.OptedOut,
        TooManyRequests => TwilioSendStatus.Retry,
        _ when httpStatus is 429 or >= 500 => TwilioSendStatus.Retry,
        // The SDK reports an error it could not read (no JSON body: a proxy's or gateway's page) as code 0, status 0.
        _ when httpStatus == 0 && code == 0 => TwilioSendStatus.Retry,
        _ => TwilioSendStatus.Rejected,
    };

    public static TwilioSend From(ApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new TwilioSend(Classify(error.Code, error.Status), null, error.Code == 0 ? null : error.Code, error.Message);
    }
}
