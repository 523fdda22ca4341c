using System.Collections.Frozen;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// World manufacturer identifiers (VIN positions 1–3) of the makes a US shop sees most, to the brand name a caller
/// would use. Deliberately compact: an unknown WMI decodes to no make rather than a guess. Where one WMI is shared
/// by several brands of a group (FCA's 1C4 covers Chrysler, Dodge and Jeep) the group's name is given.
/// </summary>
internal static class WmiTable
{
    private static readonly FrozenDictionary<string, string> ByWmi = new Dictionary<string, string>
    {
        // Honda / Acura
        ["1HG"] = "Honda", ["2HG"] = "Honda", ["JHM"] = "Honda", ["5FN"] = "Honda", ["5J6"] = "Honda", ["19X"] = "Honda",
        ["2HK"] = "Honda", ["JHL"] = "Honda", ["JH2"] = "Honda", ["JH4"] = "Acura", ["19U"] = "Acura", ["5J8"] = "Acura",
        // Toyota / Lexus (other JT* fall through to the two-character table)
        ["4T1"] = "Toyota", ["4T3"] = "Toyota", ["4T4"] = "Toyota", ["2T1"] = "Toyota", ["2T3"] = "Toyota", ["5TD"] = "Toyota",
        ["5TF"] = "Toyota", ["3TM"] = "Toyota", ["5YF"] = "Toyota", ["JTH"] = "Lexus", ["JTJ"] = "Lexus", ["2T2"] = "Lexus",
        ["58A"] = "Lexus",
        // Ford / Lincoln
        ["1FA"] = "Ford", ["1FB"] = "Ford", ["1FC"] = "Ford", ["1FD"] = "Ford", ["1FM"] = "Ford", ["1FT"] = "Ford",
        ["2FA"] = "Ford", ["2FM"] = "Ford", ["2FT"] = "Ford", ["3FA"] = "Ford", ["3FE"] = "Ford", ["WF0"] = "Ford",
        ["1LN"] = "Lincoln", ["5LM"] = "Lincoln", ["2LM"] = "Lincoln", ["3LN"] = "Lincoln",
        // General Motors
        ["1G1"] = "Chevrolet", ["1GC"] = "Chevrolet", ["1GN"] = "Chevrolet", ["2G1"] = "Chevrolet", ["3G1"] = "Chevrolet",
        ["3GN"] = "Chevrolet", ["3GC"] = "Chevrolet", ["1G4"] = "Buick", ["2G4"] = "Buick", ["1G6"] = "Cadillac",
        ["1GY"] = "Cadillac", ["1GT"] = "GMC", ["1GK"] = "GMC", ["3GT"] = "GMC", ["1G2"] = "Pontiac", ["1G3"] = "Oldsmobile",
        ["1G8"] = "Saturn",
        // Chrysler group (FCA / Stellantis)
        ["1B3"] = "Dodge", ["1B4"] = "Dodge", ["1B7"] = "Dodge", ["1D7"] = "Dodge", ["2B3"] = "Dodge", ["3D7"] = "Dodge",
        ["1C3"] = "Chrysler", ["2C3"] = "Chrysler", ["1C4"] = "Chrysler", ["2C4"] = "Chrysler", ["3C4"] = "Chrysler",
        ["1C6"] = "Ram", ["3C6"] = "Ram", ["1J4"] = "Jeep", ["1J8"] = "Jeep", ["ZFA"] = "Fiat", ["3C3"] = "Fiat",
        ["ZAR"] = "Alfa Romeo",
        // Nissan / Infiniti
        ["1N4"] = "Nissan", ["1N6"] = "Nissan", ["3N1"] = "Nissan", ["5N1"] = "Nissan", ["JN1"] = "Nissan", ["JN8"] = "Nissan",
        ["JNK"] = "Infiniti", ["JNR"] = "Infiniti", ["5N3"] = "Infiniti",
        // Hyundai / Kia
        ["KMH"] = "Hyundai", ["KM8"] = "Hyundai", ["5NP"] = "Hyundai", ["5NM"] = "Hyundai",
        ["KNA"] = "Kia", ["KND"] = "Kia", ["5XX"] = "Kia", ["5XY"] = "Kia",
        // Subaru, Mazda, Mitsubishi
        ["JF1"] = "Subaru", ["JF2"] = "Subaru", ["4S3"] = "Subaru", ["4S4"] = "Subaru",
        ["JM1"] = "Mazda", ["JM3"] = "Mazda", ["1YV"] = "Mazda", ["3MZ"] = "Mazda",
        ["JA3"] = "Mitsubishi", ["JA4"] = "Mitsubishi", ["4A3"] = "Mitsubishi", ["4A4"] = "Mitsubishi",
        // Volkswagen group
        ["WVW"] = "Volkswagen", ["WVG"] = "Volkswagen", ["WV1"] = "Volkswagen", ["WV2"] = "Volkswagen", ["3VW"] = "Volkswagen",
        ["1VW"] = "Volkswagen", ["3VV"] = "Volkswagen", ["WAU"] = "Audi", ["WA1"] = "Audi", ["WUA"] = "Audi", ["TRU"] = "Audi",
        ["WP0"] = "Porsche", ["WP1"] = "Porsche",
        // BMW / MINI, Mercedes-Benz
        ["WBA"] = "BMW", ["WBS"] = "BMW", ["WBX"] = "BMW", ["WBY"] = "BMW", ["5UX"] = "BMW", ["5UM"] = "BMW", ["4US"] = "BMW",
        ["WMW"] = "MINI",
        ["WDD"] = "Mercedes-Benz", ["WDB"] = "Mercedes-Benz", ["WDC"] = "Mercedes-Benz", ["4JG"] = "Mercedes-Benz",
        ["55S"] = "Mercedes-Benz", ["W1K"] = "Mercedes-Benz", ["W1N"] = "Mercedes-Benz",
        // Others
        ["YV1"] = "Volvo", ["YV4"] = "Volvo", ["SAJ"] = "Jaguar", ["SAL"] = "Land Rover",
        ["5YJ"] = "Tesla", ["7SA"] = "Tesla", ["1HD"] = "Harley-Davidson", ["5HD"] = "Harley-Davidson",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Manufacturers that used many third characters; consulted only when the three-character table misses.</summary>
    private static readonly FrozenDictionary<string, string> ByPrefix = new Dictionary<string, string>
    {
        ["JT"] = "Toyota",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>WMIs of motorcycles and buses, for which the position-7 model-year rule of light vehicles does not hold.</summary>
    private static readonly FrozenSet<string> NotLightVehicles = new[] { "1HD", "5HD", "JH2", "1M8" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Spellings =
        ByWmi.Values.Concat(ByPrefix.Values).Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(name => name, name => name, StringComparer.OrdinalIgnoreCase);

    public static string? MakeOf(string wmi) =>
        ByWmi.TryGetValue(wmi, out var make) ? make
        : wmi.Length >= 2 && ByPrefix.TryGetValue(wmi[..2], out make) ? make
        : null;

    public static bool IsLightVehicle(string wmi) => !NotLightVehicles.Contains(wmi);

    /// <summary>VINs made for the North-American market carry a mandatory check digit; positions 1 of 1–5 and 7 are US, Canada, Mexico.</summary>
    public static bool IsNorthAmerican(string wmi) => wmi.Length > 0 && wmi[0] is >= '1' and <= '5' or '7';

    /// <summary>Our spelling of a make when we know it (<c>HONDA</c> → <c>Honda</c>, <c>BMW</c> stays), else title case.</summary>
    public static string SpellMake(string make)
    {
        if (Spellings.TryGetValue(make, out var known))
        {
            return known;
        }

        var words = make.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => w.Length <= 3 && !w.Any(char.IsDigit) && w.Length > 1 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
