using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace VoiceAgent.Smoke.Twilio;

/// <summary>
/// A Twilio number's webhooks through the IncomingPhoneNumber resource (Twilio's SDK): found by its E.164 number in the
/// account, compared with a deployment's <see cref="DeploymentWebhooks"/>, or set to them.
/// </summary>
public sealed class NumberWebhooks(TwilioAccountClient twilio)
{
    /// <summary>The account's IncomingPhoneNumber for <paramref name="number"/>; null when the account has none.</summary>
    public async Task<IncomingPhoneNumberResource?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var page = await IncomingPhoneNumberResource.ReadAsync(phoneNumber: new PhoneNumber(number), limit: 20, client: twilio.Client);
        cancellationToken.ThrowIfCancellationRequested();
        return page.FirstOrDefault(n => n.PhoneNumber?.ToString() == number);
    }

    /// <summary>Sets the number's voice URL, fallback URL, status callback and SMS URL to <paramref name="app"/>'s, all POST.</summary>
    public async Task<IncomingPhoneNumberResource> SetAsync(IncomingPhoneNumberResource number, DeploymentWebhooks app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(app);
        var post = global::Twilio.Http.HttpMethod.Post;
        var updated = await IncomingPhoneNumberResource.UpdateAsync(
            pathSid: number.Sid,
            voiceUrl: new Uri(app.VoiceUrl),
            voiceMethod: post,
            voiceFallbackUrl: new Uri(app.FallbackUrl),
            voiceFallbackMethod: post,
            statusCallback: new Uri(app.StatusCallbackUrl),
            statusCallbackMethod: post,
            smsUrl: new Uri(app.SmsUrl),
            smsMethod: post,
            client: twilio.Client);
        cancellationToken.ThrowIfCancellationRequested();
        return updated;
    }

    /// <summary>What differs between the number's voice configuration and <paramref name="app"/>'s; empty when it points at it.</summary>
    public static IReadOnlyList<string> Differences(IncomingPhoneNumberResource number, DeploymentWebhooks app)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(app);
        var differences = new List<string>();
        Compare(differences, "voice URL", number.VoiceUrl, app.VoiceUrl);
        Compare(differences, "voice method", number.VoiceMethod?.ToString().ToUpperInvariant(), DeploymentWebhooks.Method);
        Compare(differences, "voice fallback URL", number.VoiceFallbackUrl, app.FallbackUrl);
        Compare(differences, "status callback", number.StatusCallback, app.StatusCallbackUrl);
        if (!string.IsNullOrEmpty(number.VoiceApplicationSid))
        {
            differences.Add($"its calls go to the TwiML application {number.VoiceApplicationSid}, which overrides its voice URLs");
        }

        if (!string.IsNullOrEmpty(number.TrunkSid))
        {
            differences.Add($"its calls go to the SIP trunk {number.TrunkSid}, which overrides its voice URLs");
        }

        return differences;
    }

    /// <summary>Twilio's answer to wrong credentials (401, code 20003), in words an operator can act on.</summary>
    public static string Explain(ApiException ex) =>
        ex?.Status == 401
            ? $"Twilio refused the credentials (401, {ex.Code} {ex.Message}): the auth token is not this account's, or the account SID is wrong"
            : $"Twilio answered {ex?.Status} ({ex?.Code} {ex?.Message})";

    private static void Compare(List<string> differences, string what, object? actual, string expected)
    {
        var text = actual?.ToString();
        if (!string.Equals(text, expected, StringComparison.Ordinal))
        {
            differences.Add($"{what} is {(string.IsNullOrEmpty(text) ? "not set" : text)}, not {expected}");
        }
    }
}
