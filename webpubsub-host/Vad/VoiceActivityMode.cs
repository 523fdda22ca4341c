namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>What decides that a frame is voiced once the energy gate has let it through.</summary>
public enum VoiceActivityMode
{
    /// <summary>Silero VAD on every 32 ms window the energy gate does not rule out: robust to loud noise, ~0.1 ms of CPU a window.</summary>
    Silero,

    /// <summary>Energy alone (a margin above the noise floor): nearly free, but any loud noise is voice.</summary>
    EnergyGate,
}
