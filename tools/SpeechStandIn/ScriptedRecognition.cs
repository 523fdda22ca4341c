namespace VoiceAgent.SpeechStandIn;

/// <summary>What the stand-in answers to one recognition: a <c>RecognitionStatus</c> and, on success, the words and confidence.</summary>
public sealed record ScriptedRecognition(string Status, string Text = "", double Confidence = 0.9)
{
    public static ScriptedRecognition Heard(string text, double confidence = 0.9) => new("Success", text, confidence);

    public static ScriptedRecognition NoMatch { get; } = new("NoMatch");

    public static ScriptedRecognition InitialSilenceTimeout { get; } = new("InitialSilenceTimeout");

    public static ScriptedRecognition BabbleTimeout { get; } = new("BabbleTimeout");

    /// <summary>The service's own failure status, inside a 200 answer.</summary>
    public static ScriptedRecognition Error { get; } = new("Error");
}
