using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Which of a customer's cars an answer to "Which car is this for: your 2019 Honda Civic or your 2015 Ford F-150?"
/// names: by position ("the second one"), make ("the Ford", "the chevy"), model ("the Civic") or year ("the 2015").
/// An answer that fits several, or none, picks nothing.
/// </summary>
internal static class VehicleChoice
{
    public static Vehicle? Pick(string utterance, IReadOnlyList<Vehicle> onFile, int latestModelYear)
    {
        if (Ordinals.Index(utterance, onFile.Count) is { } index)
        {
            return onFile[index];
        }

        var mention = VehicleDescriptionParser.Parse(utterance, latestModelYear);
        var text = Phrases.Normalise(utterance);
        var fits = onFile.Where(v => Fits(v, mention, text)).ToList();
        return fits.Count == 1 ? fits[0] : null;
    }

    /// <summary>Nothing said contradicts the car, and something said names it.</summary>
    private static bool Fits(Vehicle vehicle, VehicleMention? mention, string text)
    {
        var makeSaid = mention?.Make is { } make ? Same(make, vehicle.Make) : (bool?)null;
        var modelSaid = mention?.Model is { } model ? Same(model, vehicle.Model) : (bool?)null;
        var yearSaid = mention?.Year is { } year ? year == vehicle.Year : (bool?)null;
        if (makeSaid == false || modelSaid == false || yearSaid == false)
        {
            return false;
        }

        // A model the parser does not list ("the 328i", "the Sienna") is still the car's own name.
        var modelNamed = vehicle.Model.Length > 1 && Phrases.ContainsPhrase(text, vehicle.Model);
        return makeSaid == true || modelSaid == true || yearSaid == true || modelNamed;
    }

    private static bool Same(string said, string onFile) =>
        string.Equals(VehicleModels.Compact(said), VehicleModels.Compact(onFile), StringComparison.Ordinal);
}
