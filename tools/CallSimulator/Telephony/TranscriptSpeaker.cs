namespace VoiceAgent.CallSimulator.Telephony;

public enum TranscriptSpeaker
{
    Agent,
    Caller,
    Event,
}
