using Twilio.Exceptions;
using VoiceAgent.Smoke.Twilio;

namespace VoiceAgent.Smoke.Checks;

/// <summary>
/// <c>twilio-number</c>: asked through Twilio's REST API (IncomingPhoneNumber), the account has the shop's number and its
/// voice URL (POST), voice fallback URL and status callback point at this deployment. Wrong credentials are Twilio's 401.
/// </summary>
public sealed class TwilioNumberCheck(TwilioCredentials? credentials, DeploymentWebhooks app, string number)
{
    public const string Name = "twilio-number";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (credentials is null)
        {
            return CheckResult.Skip(Name, $"no Twilio account given (--twilio-account-sid or {TwilioCredentials.AccountSidVariable}); the number's webhooks were not checked");
        }

        using var twilio = new TwilioAccountClient(credentials);
        try
        {
            var found = await new NumberWebhooks(twilio).FindAsync(number, cancellationToken);
            if (found is null)
            {
                return CheckResult.Fail(Name, $"the Twilio account {credentials.AccountSid} has no number {number}");
            }

            var differences = NumberWebhooks.Differences(found, app);
            return differences.Count == 0
                ? CheckResult.Pass(Name, $"{number} ({found.Sid}) sends its calls, fallback and status callbacks to {app.Base}")
                : CheckResult.Fail(Name, $"{number} ({found.Sid}): {string.Join("; ", differences)} (tools/twilio-webhooks --app-url {app.Base} --set {number})");
        }
        catch (ApiException ex)
        {
            return CheckResult.Fail(Name, NumberWebhooks.Explain(ex));
        }
        catch (Exception ex) when (ex is ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            return CheckResult.Fail(Name, $"Twilio's API could not be reached: {ex.Message}");
        }
    }
}
