namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>A call's <c>status</c> as Twilio's API reports it (and <c>CallStatus</c> on webhooks, plus <see cref="Initiated"/> in callbacks).</summary>
public static class CallStatuses
{
    public const string Queued = "queued";
    public const string Initiated = "initiated";
    public const string Ringing = "ringing";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Busy = "busy";
    public const string NoAnswer = "no-answer";
    public const string Canceled = "canceled";
    public const string Failed = "failed";

    /// <summary>Not yet ended: Twilio can still redirect or hang it up.</summary>
    public static bool IsLive(string status) => status is Queued or Ringing or InProgress;
}
