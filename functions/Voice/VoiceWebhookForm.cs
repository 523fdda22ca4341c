using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Functions.Voice;

/// <summary>Reads the form fields Twilio posts to voice webhooks, rejecting what a real Twilio request never looks like.</summary>
public static class VoiceWebhookForm
{
    public static bool TryReadCall(IFormCollection form, [NotNullWhen(true)] out InboundCall? call, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        call = null;
        if (!CallSid.TryParse(form["CallSid"].FirstOrDefault(), out var callSid))
        {
            error = "CallSid is missing or malformed.";
            return false;
        }

        var direction = form["Direction"].FirstOrDefault() ?? "inbound";
        var outbound = direction.StartsWith("outbound", StringComparison.Ordinal);
        // On calls we place (reminders), the business number is From and the customer is To.
        var businessField = outbound ? "From" : "To";
        var customerField = outbound ? "To" : "From";
        if (!PhoneNumber.TryParse(form[businessField].FirstOrDefault(), "US", out var dialed))
        {
            error = $"{businessField} is missing or not a phone number.";
            return false;
        }

        // Withheld caller ids arrive as "anonymous" or similar: the caller is simply unknown.
        PhoneNumber? caller = PhoneNumber.TryParse(form[customerField].FirstOrDefault(), "US", out var parsed) ? parsed : null;
        call = new InboundCall(callSid, dialed, caller);
        error = null;
        return true;
    }

    public static CallerInput ReadInput(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var confidence = double.TryParse(form["Confidence"].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : (double?)null;
        return new CallerInput(form["SpeechResult"].FirstOrDefault(), form["Digits"].FirstOrDefault(), confidence);
    }

    public static bool TryReadStatus(IFormCollection form, [NotNullWhen(true)] out string? status, out int? durationSeconds, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        status = form["CallStatus"].FirstOrDefault();
        durationSeconds = null;
        if (status is null || !CallStatuses.All.Contains(status))
        {
            status = null;
            error = "CallStatus is missing or not a Twilio call status.";
            return false;
        }

        var duration = form["CallDuration"].FirstOrDefault();
        if (duration is not null)
        {
            if (!int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                status = null;
                error = "CallDuration must be a whole number of seconds.";
                return false;
            }

            durationSeconds = seconds;
        }

        error = null;
        return true;
    }
}
