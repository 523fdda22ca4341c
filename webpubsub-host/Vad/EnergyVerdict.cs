namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>What a frame's energy alone says about it.</summary>
public enum EnergyVerdict
{
    /// <summary>At the noise floor or below the absolute silence level: no model needs to look at it.</summary>
    Silence,

    /// <summary>Above the floor but not by the voice margin: a model decides.</summary>
    Uncertain,

    /// <summary>Well above the floor: voiced when energy is the only judge.</summary>
    Loud,
}
