using System.Collections.Frozen;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// The makes a US shop sees, each with the forms callers and speech recognisers use for it ("chevy", "vw",
/// "b m w", "infinity"). Spelled the way the makers write them, so a stored vehicle reads like the VIN decoder's.
/// </summary>
internal static class VehicleMakes
{
    private static readonly (string Make, string[] Spoken)[] Table =
    [
        ("Acura", ["acura"]),
        ("Alfa Romeo", ["alfa romeo", "alfa"]),
        ("Audi", ["audi"]),
        ("BMW", ["bmw", "b m w", "beemer", "bimmer", "beamer"]),
        ("Buick", ["buick"]),
        ("Cadillac", ["cadillac", "caddy", "caddie"]),
        ("Chevrolet", ["chevrolet", "chevy", "chevvy", "chevie", "chev"]),
        ("Chrysler", ["chrysler"]),
        ("Dodge", ["dodge"]),
        ("Fiat", ["fiat"]),
        ("Ford", ["ford"]),
        ("Genesis", ["genesis"]),
        ("GMC", ["gmc", "g m c"]),
        ("Honda", ["honda"]),
        ("Hummer", ["hummer"]),
        ("Hyundai", ["hyundai", "hyundia", "hundai", "hyondai"]),
        ("Infiniti", ["infiniti", "infinity"]),
        ("Isuzu", ["isuzu"]),
        ("Jaguar", ["jaguar", "jag"]),
        ("Jeep", ["jeep"]),
        ("Kia", ["kia"]),
        ("Land Rover", ["land rover", "landrover"]),
        ("Lexus", ["lexus"]),
        ("Lincoln", ["lincoln"]),
        ("Lucid", ["lucid"]),
        ("Maserati", ["maserati"]),
        ("Mazda", ["mazda"]),
        ("Mercedes-Benz", ["mercedes benz", "mercedes", "benz"]),
        ("Mercury", ["mercury"]),
        ("Mini", ["mini"]),
        ("Mitsubishi", ["mitsubishi"]),
        ("Nissan", ["nissan"]),
        ("Oldsmobile", ["oldsmobile"]),
        ("Plymouth", ["plymouth"]),
        ("Polestar", ["polestar"]),
        ("Pontiac", ["pontiac"]),
        ("Porsche", ["porsche"]),
        ("Ram", ["ram"]),
        ("Rivian", ["rivian"]),
        ("Saab", ["saab"]),
        ("Saturn", ["saturn"]),
        ("Scion", ["scion"]),
        ("Subaru", ["subaru"]),
        ("Suzuki", ["suzuki"]),
        ("Tesla", ["tesla"]),
        ("Toyota", ["toyota"]),
        ("Volkswagen", ["volkswagen", "volkswagon", "volks wagen", "vw", "v w"]),
        ("Volvo", ["volvo"]),
    ];

    /// <summary>Words that turn a make's name into something else: "a mini van" is not a Mini.</summary>
    private static readonly FrozenDictionary<string, string[]> NotBefore = new Dictionary<string, string[]>
    {
        ["Mini"] = ["van", "vans"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string Make, string[] Words)[] Forms =
        [.. Table.SelectMany(m => m.Spoken.Select(s => (m.Make, s.Split(' ')))).OrderByDescending(f => f.Item2.Length)];

    /// <summary>The first make named in <paramref name="words"/> (lower-case words), its position and how many words it takes.</summary>
    public static (string Make, int Start, int Length)? Find(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var (make, form) in Forms)
            {
                if (Matches(words, i, form) && !Excluded(make, words, i + form.Length))
                {
                    return (make, i, form.Length);
                }
            }
        }

        return null;
    }

    private static bool Matches(IReadOnlyList<string> words, int at, string[] form)
    {
        if (at + form.Length > words.Count)
        {
            return false;
        }

        for (var j = 0; j < form.Length; j++)
        {
            if (!string.Equals(words[at + j], form[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Excluded(string make, IReadOnlyList<string> words, int next) =>
        next < words.Count && NotBefore.TryGetValue(make, out var after) && after.Contains(words[next], StringComparer.Ordinal);
}
