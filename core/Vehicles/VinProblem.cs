namespace VoiceAgent.Core.Vehicles;

/// <summary>Why <see cref="Vin.TryParse(string?, VinCheckDigitPolicy, out Vin, out VinProblem)"/> refused its input.</summary>
public enum VinProblem
{
    None = 0,

    /// <summary>Nothing usable was given.</summary>
    Empty,

    /// <summary>A word that is neither a digit, a letter, nor a known spoken form of one ("my", "car").</summary>
    UnrecognisedWord,

    /// <summary>Not 17 characters after normalisation (or a character outside 0-9 A-Z).</summary>
    WrongLength,

    /// <summary>Contains I, O or Q, which 49 CFR 565 never allows (they read as 1 and 0).</summary>
    ForbiddenLetter,

    /// <summary>Position 9 does not match the computed check digit (only reported under <see cref="VinCheckDigitPolicy.Required"/>).</summary>
    CheckDigitMismatch,
}
