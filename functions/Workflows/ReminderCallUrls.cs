using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// The webhooks a reminder call points Twilio at, on the app's public base URL: the answer (with the appointment and
/// the attempt) and the status callback (with the instance to tell). Twilio signs the whole URL, query included.
/// </summary>
public sealed class ReminderCallUrls(IOptions<TwilioOptions> twilio)
{
    public const string AnswerPath = "/api/voice/reminder";
    public const string StatusPath = "/api/voice/reminder/status";

    private readonly Uri _base = twilio.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is required.");

    public Uri Answer(ReminderAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new Uri(_base, $"{AnswerPath}?appointment={Uri.EscapeDataString(attempt.AppointmentId)}&attempt={attempt.Attempt.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri Status(ReminderAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new Uri(_base, $"{StatusPath}?instance={Uri.EscapeDataString(attempt.InstanceId)}");
    }
}
