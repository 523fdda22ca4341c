using System.Collections.Frozen;
using System.Globalization;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// A model year as callers say it and recognisers write it: "2018", "'08", "twenty nineteen", "twenty oh five",
/// "twenty twenty one", "two thousand and eight", "nineteen ninety eight". Only 1900 up to the latest model year
/// counts, so "Ram 1500" and "F-250" stay model names.
/// </summary>
internal static class SpokenModelYear
{
    public const int Earliest = 1900;

    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Teens = new Dictionary<string, int>
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The first model year in <paramref name="words"/> (lower-case words), where it starts and how many words it takes.</summary>
    public static (int Year, int Start, int Length)? Find(IReadOnlyList<string> words, int latest)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (At(words, i, latest) is (var year, var length) && year >= Earliest && year <= latest)
            {
                return (year, i, length);
            }
        }

        return null;
    }

    /// <summary>A two-digit year ("05", "'98"): this century when that is not in the future, else the last.</summary>
    public static int FromTwoDigits(int twoDigits, int latest) => 2000 + twoDigits <= latest ? 2000 + twoDigits : 1900 + twoDigits;

    private static (int Year, int Length)? At(IReadOnlyList<string> words, int i, int latest)
    {
        var word = words[i];
        if (word.Length == 4 && word.All(char.IsAsciiDigit))
        {
            return (int.Parse(word, CultureInfo.InvariantCulture), 1);
        }

        if (word.Length == 3 && word[0] == '\'' && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]))
        {
            return (FromTwoDigits(int.Parse(word.AsSpan(1), CultureInfo.InvariantCulture), latest), 1);
        }

        if (word is "nineteen" or "twenty" && TwoDigits(words, i + 1) is (var rest, var restLength))
        {
            return ((word == "nineteen" ? 1900 : 2000) + rest, 1 + restLength);
        }

        if (word == "two" && Next(words, i + 1) == "thousand")
        {
            var after = Next(words, i + 2) == "and" ? i + 3 : i + 2;
            return UpToTwoDigits(words, after) is (var tail, var tailLength) ? (2000 + tail, after - i + tailLength) : (2000, 2);
        }

        return null;
    }

    /// <summary>The second half of a year said in pairs: "nineteen", "oh five", "twenty one", "ninety".</summary>
    private static (int Value, int Length)? TwoDigits(IReadOnlyList<string> words, int i)
    {
        var word = Next(words, i);
        if (word is "oh" or "o" or "zero" && Next(words, i + 1) is { } unit && Units.TryGetValue(unit, out var digit))
        {
            return (digit, 2);
        }

        return word is not null && (Teens.ContainsKey(word) || Tens.ContainsKey(word)) ? UpToTwoDigits(words, i) : null;
    }

    /// <summary>0–99 in words: "eight", "eighteen", "twenty", "twenty one".</summary>
    private static (int Value, int Length)? UpToTwoDigits(IReadOnlyList<string> words, int i)
    {
        var word = Next(words, i);
        if (word is null)
        {
            return null;
        }

        if (Units.TryGetValue(word, out var unit))
        {
            return (unit, 1);
        }

        if (Teens.TryGetValue(word, out var teen))
        {
            return (teen, 1);
        }

        if (!Tens.TryGetValue(word, out var tens))
        {
            return null;
        }

        return Next(words, i + 1) is { } next && Units.TryGetValue(next, out var ones) ? (tens + ones, 2) : (tens, 1);
    }

    private static string? Next(IReadOnlyList<string> words, int i) => i < words.Count ? words[i] : null;
}
