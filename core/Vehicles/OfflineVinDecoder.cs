namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// Decodes what a VIN itself encodes, with no network: the manufacturer from the WMI (positions 1–3, a compact
/// table; unknown gives no make) and the model year from position 10. Position 10 repeats every 30 years
/// (A–Y without I, O, Q, U, Z, then 1–9); for passenger cars, MPVs and light trucks position 7 tells the cycles
/// apart (49 CFR 565.15: a digit for 1980–2009, a letter for 2010–2039); a reading in the future falls back to the
/// earlier cycle. Motorcycles and buses have no such rule: the year the caller gave picks the cycle, else a reading
/// in the future is ruled out, else the year is left unknown (ask). The model is never known offline.
/// </summary>
public sealed class OfflineVinDecoder(TimeProvider timeProvider) : IVinDecoder
{
    public Task<VinDecoding> DecodeAsync(Vin vin, int? modelYear = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decode(vin, modelYear));
    }

    public VinDecoding Decode(Vin vin, int? modelYear = null)
    {
        var notes = new List<string>();
        var make = WmiTable.MakeOf(vin.Wmi);
        if (make is null)
        {
            notes.Add($"Manufacturer code {vin.Wmi} is not in the offline table.");
        }

        var year = ModelYear(vin, modelYear, notes);
        if (modelYear is { } given && year is { } decoded && given != decoded)
        {
            notes.Add($"The VIN reads as model year {decoded}, not {given}.");
        }

        if (!vin.HasValidCheckDigit)
        {
            notes.Add(WmiTable.IsNorthAmerican(vin.Wmi)
                ? $"Check digit is {vin.CheckDigit}, expected {vin.ExpectedCheckDigit}: a character is probably wrong."
                : $"Check digit is {vin.CheckDigit}, expected {vin.ExpectedCheckDigit}; not required outside North America.");
        }

        notes.Add("Model is not known offline.");
        return new VinDecoding(vin, make, null, year, VinDecodingSource.Offline, vin.HasValidCheckDigit, notes);
    }

    /// <summary>
    /// The model year encoded at position 10; <see langword="null"/> for a code no year uses (0, U, Z), or for a
    /// motorcycle or bus whose two readings are both past and <paramref name="modelYear"/> (what the caller said) matches neither.
    /// </summary>
    public int? ModelYear(Vin vin, int? modelYear = null) => ModelYear(vin, modelYear, notes: null);

    private int? ModelYear(Vin vin, int? modelYear, List<string>? notes)
    {
        if (FirstCycleYear(vin.ModelYearCode) is not { } early)
        {
            notes?.Add($"Position 10 ({vin.ModelYearCode}) is not a model-year code.");
            return null;
        }

        var late = early + 30;
        var latestPossible = timeProvider.GetUtcNow().Year + 1;
        if (!WmiTable.IsLightVehicle(vin.Wmi))
        {
            if (modelYear is { } given && (given == early || given == late))
            {
                return given;
            }

            if (late > latestPossible)
            {
                return early;
            }

            notes?.Add($"Position 10 means {early} or {late}, and for this kind of vehicle the VIN does not say which: ask.");
            return null;
        }

        var byPosition7 = char.IsAsciiLetter(vin.Position7) ? late : early;
        if (byPosition7 > latestPossible)
        {
            notes?.Add($"Position 7 points to {byPosition7}, which has not happened yet; read as {early}.");
            return early;
        }

        return byPosition7;
    }

    /// <summary>The 1980–2009 year of a position-10 code.</summary>
    private static int? FirstCycleYear(char code) => code switch
    {
        >= 'A' and <= 'H' => 1980 + (code - 'A'),
        >= 'J' and <= 'N' => 1988 + (code - 'J'),
        'P' => 1993,
        'R' => 1994,
        'S' => 1995,
        'T' => 1996,
        >= 'V' and <= 'Y' => 1997 + (code - 'V'),
        >= '1' and <= '9' => 2001 + (code - '1'),
        _ => null,
    };
}
