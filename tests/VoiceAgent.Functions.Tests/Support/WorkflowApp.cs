using VoiceAgent.Functions.Workflows;
using VoiceAgent.TwilioApiStandIn;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The functions app with the workflows' Twilio side in place: a stand-in for Twilio's REST API that records every
/// message and call (and signs its callbacks with the app's token), the app's webhooks routed to it, short step retries.
/// </summary>
public static class WorkflowApp
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    public static async Task<TwilioStandIn> StartTwilioAsync(string authToken, IOutboundPhone? phone = null) =>
        await TwilioStandIn.StartAsync(new TwilioStandInOptions { AccountSid = AccountSid, AuthToken = authToken, Phone = phone ?? NobodyAnswers.Instance }, CancellationToken.None);

    /// <summary>App settings that point the app's Twilio client at <paramref name="twilio"/>, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string> Settings(TwilioStandIn twilio, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
            [$"{WorkflowOptions.Section}:{nameof(WorkflowOptions.FirstRetrySeconds)}"] = "0.1",
            [$"{WorkflowOptions.Section}:{nameof(WorkflowOptions.CallOutcomeWaitSeconds)}"] = "5",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string NewAuthToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
