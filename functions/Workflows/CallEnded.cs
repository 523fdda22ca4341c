namespace VoiceAgent.Functions.Workflows;

/// <summary>The event the call's status callback raises on its reminder instance: Twilio's final status and AnsweredBy.</summary>
public sealed record CallEnded(string CallStatus, string? AnsweredBy)
{
    public const string EventName = "CallEnded";
}
