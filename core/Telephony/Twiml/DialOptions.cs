namespace VoiceAgent.Core.Telephony.Twiml;

public sealed record DialOptions
{
    public string? Action { get; init; }
    public string? Method { get; init; }
    public int? TimeoutSeconds { get; init; }
    public string? CallerId { get; init; }
    public bool? AnswerOnBridge { get; init; }
}
