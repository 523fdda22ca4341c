using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// Reads year, make and model from how a caller describes a car: "a 2018 ford f150", "it's a honda civic, 2019",
/// "twenty nineteen toyota camry", "my 05 chevy silverado", "the civic". The make comes from
/// <see cref="VehicleMakes"/> (spoken forms included), or from a model that names it (<see cref="VehicleModels"/>);
/// the model is what follows the make, up to a pause, the year or a filler word, in its maker's spelling when listed.
/// </summary>
public static partial class VehicleDescriptionParser
{
    private const string Pause = ",";
    private const int MaxModelWords = 3;

    private static readonly FrozenSet<string> NotModel = new[]
    {
        "a", "an", "and", "but", "or", "with", "the", "my", "its", "it", "is", "was", "i", "im", "think", "maybe", "probably",
        "please", "thanks", "thank", "you", "um", "uh", "like", "that", "thats", "which", "from", "in", "of", "year", "car",
        "truck", "suv", "van", "pickup", "vehicle", "one", "not", "sure", "no", "yes", "yeah", "so",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> DigitWords = new Dictionary<string, string>
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8", ["nine"] = "9",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// What the utterance says about a car, or null when it names no make, model or year. Years after
    /// <paramref name="latestModelYear"/> (next year, at a shop) are not years.
    /// </summary>
    public static VehicleMention? Parse(string? utterance, int latestModelYear)
    {
        if (string.IsNullOrWhiteSpace(utterance) || utterance.Length > 300)
        {
            return null;
        }

        var words = Words(utterance);
        var used = new bool[words.Count];
        int? year = null;
        if (SpokenModelYear.Find(words, latestModelYear) is (var found, var yearStart, var yearLength))
        {
            year = found;
            Array.Fill(used, true, yearStart, yearLength);
        }

        string? make = null;
        string? model = null;
        var namedAt = -1;
        if (VehicleMakes.Find(words) is (var named, var makeStart, var makeLength) && !used[makeStart])
        {
            make = named;
            namedAt = makeStart;
            Array.Fill(used, true, makeStart, makeLength);
            model = ModelAfter(words, used, makeStart + makeLength, make) ?? ListedModel(words, used, make)?.Name;
        }
        else if (ListedModel(words, used, null) is { } alone)
        {
            (make, model, namedAt) = (alone.Make, alone.Name, alone.Start);
        }

        if (year is null && namedAt > 0 && words[namedAt - 1] is { Length: 2 } two && two.All(char.IsAsciiDigit))
        {
            year = SpokenModelYear.FromTwoDigits(int.Parse(two, CultureInfo.InvariantCulture), latestModelYear); // "my 05 silverado"
        }

        return make is null && year is null ? null : new VehicleMention(year, make, model);
    }

    /// <summary>The words after the make, up to a pause, the year or a word that is not part of a model name.</summary>
    private static string? ModelAfter(List<string> words, bool[] used, int from, string make)
    {
        var model = new List<string>();
        for (var i = from; i < words.Count && model.Count < MaxModelWords && !used[i] && words[i] != Pause && !NotModel.Contains(words[i]); i++)
        {
            model.Add(DigitWords.GetValueOrDefault(words[i], words[i]));
        }

        if (model.Count == 0)
        {
            return null;
        }

        // The longest listed name at the start keeps its maker's spelling; the trim after it ("xlt", "sport") is kept as said.
        for (var take = model.Count; take > 0; take--)
        {
            if (VehicleModels.Find(VehicleModels.Compact(string.Concat(model.Take(take))), make) is { } listed)
            {
                return string.Join(' ', model.Skip(take).Select(Spell).Prepend(listed.Name));
            }
        }

        return string.Join(' ', model.Select(Spell));
    }

    /// <summary>A listed model anywhere among the unused words ("the civic", "f 150"), of <paramref name="make"/> or naming its own.</summary>
    private static (string Make, string Name, int Start)? ListedModel(List<string> words, bool[] used, string? make)
    {
        for (var i = 0; i < words.Count; i++)
        {
            for (var take = Math.Min(MaxModelWords, words.Count - i); take > 0; take--)
            {
                var span = words.Skip(i).Take(take).ToList();
                if (used.Skip(i).Take(take).Any(u => u) || span.Contains(Pause) || NotModel.Contains(span[0]))
                {
                    continue;
                }

                if (VehicleModels.Find(VehicleModels.Compact(string.Concat(span.Select(w => DigitWords.GetValueOrDefault(w, w)))), make) is { } listed)
                {
                    return (listed.Make, listed.Name, i);
                }
            }
        }

        return null;
    }

    /// <summary>"civic" → "Civic", "xlt" → "XLT", "328i" stays: trim codes and short names are letters a maker writes in capitals.</summary>
    private static string Spell(string word) =>
        word.Length <= 3 || (word.Any(char.IsAsciiDigit) && !TrailingLetter().IsMatch(word))
            ? word.ToUpperInvariant()
            : TrailingLetter().IsMatch(word) ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Lower-case words; apostrophes dropped except in "'08"; sentence punctuation kept as a pause.</summary>
    private static List<string> Words(string utterance)
    {
        var text = utterance.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        text = Apostrophe().Replace(text, string.Empty);
        text = PausePunctuation().Replace(text, $" {Pause} ");
        return [.. NotWord().Split(text).Where(w => w.Length > 0)];
    }

    /// <summary>An apostrophe that does not start a two-digit year ("it's" → "its", "'08" stays).</summary>
    [GeneratedRegex(@"'(?!\d\d\b)")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"[,;!?]+|\.(?!\d)")]
    private static partial Regex PausePunctuation();

    [GeneratedRegex(@"[^a-z0-9',]+")]
    private static partial Regex NotWord();

    /// <summary>Digits then one letter: "328i", "4runner" is not one.</summary>
    [GeneratedRegex(@"^\d+[a-z]$")]
    private static partial Regex TrailingLetter();
}
