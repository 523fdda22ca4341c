namespace VoiceAgent.SpeechStandIn;

/// <summary>Which of the two REST APIs a request was for.</summary>
public enum SpeechOperation
{
    /// <summary>Text-to-speech: <c>POST /tts/cognitiveservices/v1</c> (custom subdomain) or <c>/cognitiveservices/v1</c> (regional host).</summary>
    Synthesis,

    /// <summary>Short-audio speech-to-text: <c>POST /stt/speech/recognition/conversation/cognitiveservices/v1</c> or without <c>/stt</c>.</summary>
    Recognition,
}
