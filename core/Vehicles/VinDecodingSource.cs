namespace VoiceAgent.Core.Vehicles;

/// <summary>Where a <see cref="VinDecoding"/> came from.</summary>
public enum VinDecodingSource
{
    /// <summary>Our own WMI table and model-year code: make and year, never the model.</summary>
    Offline = 0,

    /// <summary>NHTSA's vPIC service answered (gaps may be filled from the offline decode; see the notes).</summary>
    Nhtsa,
}
