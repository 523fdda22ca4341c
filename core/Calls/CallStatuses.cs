namespace VoiceAgent.Core.Calls;

/// <summary>Twilio's <c>CallStatus</c> values.</summary>
public static class CallStatuses
{
    public const string InProgress = "in-progress";
    public const string Completed = "completed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "queued", "initiated", "ringing", InProgress, Completed, "busy", "failed", "no-answer", "canceled",
    };

    public static bool IsFinal(string status) => status is Completed or "busy" or "failed" or "no-answer" or "canceled";
}
