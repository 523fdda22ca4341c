namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// How strictly <see cref="Vin.TryParse(string?, VinCheckDigitPolicy, out Vin, out VinProblem)"/> treats position 9.
/// The check digit is mandatory for vehicles made for the North-American market (49 CFR 565.15), which is every
/// car a US shop normally sees, so <see cref="Required"/> is the default. European and Asian market VINs may carry
/// any character there; <see cref="Reported"/> accepts them and leaves the verdict in <see cref="Vin.HasValidCheckDigit"/>.
/// </summary>
public enum VinCheckDigitPolicy
{
    /// <summary>A wrong check digit is a <see cref="VinProblem.CheckDigitMismatch"/> (almost always a mis-heard or mistyped character).</summary>
    Required = 0,

    /// <summary>Any check digit is accepted; read <see cref="Vin.HasValidCheckDigit"/>.</summary>
    Reported,
}
