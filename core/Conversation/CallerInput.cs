namespace VoiceAgent.Core.Conversation;

/// <summary>What the caller said (speech recognition result) or pressed (DTMF) in one turn.</summary>
public sealed record CallerInput(string? Speech, string? Digits = null, double? Confidence = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Speech) && string.IsNullOrWhiteSpace(Digits);

    /// <summary>Speech if any, else the digits.</summary>
    public string Text => !string.IsNullOrWhiteSpace(Speech) ? Speech.Trim() : Digits?.Trim() ?? string.Empty;
}
