namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// A 17-character vehicle identification number (49 CFR 565), upper-case, created only through
/// <see cref="TryParse(string?, VinCheckDigitPolicy, out Vin, out VinProblem)"/>. Input may be typed
/// (<c>1hgcm8-2633a-004352</c>) or what a speech recogniser returns (<c>one h g c m eight two six ...</c>).
/// </summary>
public readonly record struct Vin
{
    public const int Length = 17;

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    private readonly string? _value;

    private Vin(string value)
    {
        _value = value;
        ExpectedCheckDigit = ComputeCheckDigitCore(value);
    }

    public string Value => _value ?? string.Empty;

    /// <summary>World manufacturer identifier: positions 1–3.</summary>
    public string Wmi => Value.Length == Length ? Value[..3] : string.Empty;

    /// <summary>Position 9 as written.</summary>
    public char CheckDigit => Value.Length == Length ? Value[8] : '\0';

    /// <summary>Position 9 as 49 CFR 565.15 computes it from the other sixteen characters.</summary>
    public char ExpectedCheckDigit { get; }

    /// <summary>
    /// Whether position 9 is right. Always true for a VIN parsed under <see cref="VinCheckDigitPolicy.Required"/>;
    /// under <see cref="VinCheckDigitPolicy.Reported"/> a false here is normal for some non-North-American VINs.
    /// </summary>
    public bool HasValidCheckDigit => Value.Length == Length && CheckDigit == ExpectedCheckDigit;

    /// <summary>Position 10, the model-year code (see <see cref="OfflineVinDecoder"/>).</summary>
    public char ModelYearCode => Value.Length == Length ? Value[9] : '\0';

    /// <summary>Position 7, which tells 1980–2009 (digit) from 2010–2039 (letter) on light vehicles.</summary>
    public char Position7 => Value.Length == Length ? Value[6] : '\0';

    /// <summary>Safe for logs: the first eleven characters, serial number hidden (<c>1HGCM82633A******</c>).</summary>
    public string Masked => Value.Length == Length ? string.Concat(Value.AsSpan(0, 11), "******") : string.Empty;

    /// <summary>Parses with <see cref="VinCheckDigitPolicy.Required"/>: a wrong check digit is refused.</summary>
    public static bool TryParse(string? raw, out Vin vin, out VinProblem problem) =>
        TryParse(raw, VinCheckDigitPolicy.Required, out vin, out problem);

    /// <summary>Normalises (case, spaces, dashes, spoken digits and letters) and validates length, letters and, per <paramref name="policy"/>, the check digit.</summary>
    public static bool TryParse(string? raw, VinCheckDigitPolicy policy, out Vin vin, out VinProblem problem)
    {
        vin = default;
        if (!VinText.TryNormalise(raw, out var text, out problem))
        {
            return false;
        }

        if (text.Length != Length)
        {
            problem = VinProblem.WrongLength;
            return false;
        }

        if (text.AsSpan().IndexOfAny('I', 'O', 'Q') >= 0)
        {
            problem = VinProblem.ForbiddenLetter;
            return false;
        }

        var candidate = new Vin(text);
        if (policy == VinCheckDigitPolicy.Required && !candidate.HasValidCheckDigit)
        {
            problem = VinProblem.CheckDigitMismatch;
            return false;
        }

        vin = candidate;
        problem = VinProblem.None;
        return true;
    }

    public static Vin Parse(string raw, VinCheckDigitPolicy policy = VinCheckDigitPolicy.Required) =>
        TryParse(raw, policy, out var vin, out var problem)
            ? vin
            : throw new FormatException($"Not a valid VIN ({problem}).");

    /// <summary>The check digit (<c>0</c>–<c>9</c> or <c>X</c>) for seventeen VIN characters; position 9 itself is ignored.</summary>
    public static char ComputeCheckDigit(string vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        var upper = vin.ToUpperInvariant();
        if (upper.Length != Length || upper.Any(c => Transliterate(c) < 0))
        {
            throw new ArgumentException("A VIN has 17 characters from 0-9 and A-Z without I, O, Q.", nameof(vin));
        }

        return ComputeCheckDigitCore(upper);
    }

    public override string ToString() => Value;

    private static char ComputeCheckDigitCore(string vin)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>49 CFR 565.15 Table IV: digits are themselves, letters A1..H8 J1..N5 P7 R9 S2..Z9; -1 for I, O, Q and anything else.</summary>
    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'N' => c - 'J' + 1,
        'P' => 7,
        'R' => 9,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => -1,
    };
}
