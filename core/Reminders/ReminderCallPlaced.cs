namespace VoiceAgent.Core.Reminders;

/// <summary>What placing one reminder call came to: the call Twilio has (new or found again), or why there is none.</summary>
public sealed record ReminderCallPlaced(bool Placed, string? CallSid, string? Reason)
{
    public static ReminderCallPlaced Call(string callSid) => new(true, callSid, null);

    public static ReminderCallPlaced None(string reason) => new(false, null, reason);
}
