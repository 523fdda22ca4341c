namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// The best-selling US models, spelled the way their makers write them ("f150" → "F-150", "rav 4" → "RAV4"), so a
/// model said alone ("a 2019 Civic") also names its make. Models that are everyday words ("Edge", "Focus", "Soul")
/// name their make only after it ("a Ford Focus"), never alone. Anything not listed is kept as the caller said it.
/// </summary>
internal static class VehicleModels
{
    private sealed record Model(string Make, string Name, bool NamesMake, string Key);

    private static readonly Model[] Table =
    [
        .. NamingMake("Ford", "F-150", "F-250", "F-350", "Ranger", "Explorer", "Expedition", "Mustang", "Fusion", "Bronco", "Maverick", "Taurus", "F-150 Lightning"),
        .. AfterMake("Ford", "Escape", "Edge", "Focus", "Fiesta", "Transit"),
        .. NamingMake("Chevrolet", "Silverado", "Malibu", "Equinox", "Tahoe", "Suburban", "Traverse", "Impala", "Cruze", "Camaro", "Corvette", "Trailblazer", "Trax"),
        .. AfterMake("Chevrolet", "Colorado", "Blazer", "Spark", "Bolt", "Express"),
        .. NamingMake("Toyota", "Camry", "Corolla", "RAV4", "Tacoma", "Tundra", "Highlander", "4Runner", "Prius", "Sienna", "Avalon", "Sequoia", "Yaris"),
        .. NamingMake("Honda", "Civic", "Accord", "CR-V", "HR-V", "Odyssey", "Ridgeline"),
        .. AfterMake("Honda", "Pilot", "Fit", "Passport", "Element"),
        .. NamingMake("Nissan", "Altima", "Sentra", "Rogue", "Maxima", "Pathfinder", "Murano", "Versa"),
        .. AfterMake("Nissan", "Frontier", "Titan", "Leaf", "Kicks"),
        .. NamingMake("Jeep", "Wrangler", "Grand Cherokee", "Cherokee", "Gladiator", "Renegade"),
        .. AfterMake("Jeep", "Compass", "Liberty", "Patriot"),
        .. NamingMake("Dodge", "Durango", "Grand Caravan"),
        .. AfterMake("Dodge", "Ram 1500", "Ram 2500", "Ram", "Charger", "Challenger", "Caravan", "Journey"),
        .. NamingMake("GMC", "Yukon", "Acadia"),
        .. AfterMake("GMC", "Sierra", "Terrain", "Canyon", "Savana"),
        .. NamingMake("Hyundai", "Elantra", "Sonata", "Tucson", "Santa Fe", "Kona", "Palisade", "Ioniq"),
        .. NamingMake("Kia", "Sorento", "Sportage", "Optima", "Telluride", "Seltos"),
        .. AfterMake("Kia", "Soul", "Forte", "Rio", "Carnival"),
        .. NamingMake("Subaru", "Outback", "Forester", "Impreza", "Crosstrek", "WRX"),
        .. AfterMake("Subaru", "Legacy", "Ascent"),
        .. NamingMake("Volkswagen", "Jetta", "Passat", "Tiguan"),
        .. AfterMake("Volkswagen", "Golf", "Atlas", "Beetle"),
        .. NamingMake("Mazda", "CX-5", "CX-9", "CX-30", "CX-50", "MX-5", "Miata"),
        .. NamingMake("Tesla", "Model 3", "Model Y", "Model S", "Model X", "Cybertruck"),
        .. AfterMake("Ram", "1500", "2500", "3500"),
        .. AfterMake("BMW", "X1", "X3", "X5", "3 Series", "5 Series"),
        .. AfterMake("Mercedes-Benz", "C-Class", "E-Class", "GLC", "GLE", "Sprinter"),
        .. AfterMake("Lexus", "RX", "ES", "NX", "IS", "GX"),
        .. AfterMake("Audi", "A4", "A6", "Q5", "Q7"),
        .. AfterMake("Buick", "Enclave", "Encore", "LaCrosse"),
        .. AfterMake("Cadillac", "Escalade", "XT5"),
        .. AfterMake("Chrysler", "Pacifica", "300"),
        .. AfterMake("Lincoln", "Navigator", "MKZ"),
        .. AfterMake("Mitsubishi", "Outlander", "Lancer", "Mirage"),
        .. AfterMake("Volvo", "XC90", "XC60"),
    ];

    /// <summary>A model's spelling and make for compact words ("f150", "grandcherokee"); with <paramref name="make"/>, only that make's.</summary>
    public static (string Make, string Name)? Find(string compact, string? make)
    {
        foreach (var model in Table)
        {
            if ((make is null ? model.NamesMake : string.Equals(model.Make, make, StringComparison.Ordinal)) && string.Equals(model.Key, compact, StringComparison.Ordinal))
            {
                return (model.Make, model.Name);
            }
        }

        return null;
    }

    /// <summary>Lower-case letters and digits only: how spoken, typed and listed forms are compared ("CR-V", "cr v" → "crv").</summary>
    public static string Compact(string text) => new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static IEnumerable<Model> NamingMake(string make, params string[] names) => names.Select(n => new Model(make, n, NamesMake: true, Compact(n)));

    private static IEnumerable<Model> AfterMake(string make, params string[] names) => names.Select(n => new Model(make, n, NamesMake: false, Compact(n)));
}
