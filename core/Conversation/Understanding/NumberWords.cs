using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>Numbers as speech recognition writes them: digits ("7", "7th") or words ("forty five", "twenty-eighth").</summary>
internal static partial class NumberWords
{
    private static readonly string[] UnitWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] OrdinalUnitWords =
    [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static readonly Dictionary<string, int> TensWords = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fourty"] = 40,
        ["fifty"] = 50,
    };

    private static readonly Dictionary<string, int> OrdinalTensWords = new(StringComparer.Ordinal)
    {
        ["twentieth"] = 20,
        ["thirtieth"] = 30,
    };

    /// <summary>A whole number 0–59 written as words ("nine", "forty five"). Digits are not read here.</summary>
    public static bool TryCardinalWords(IReadOnlyList<PhraseToken> tokens, int index, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        if (index >= tokens.Count)
        {
            return false;
        }

        var text = tokens[index].Text;
        if (TensWords.TryGetValue(text, out var tens))
        {
            value = tens;
            consumed = 1;
            var unit = index + 1 < tokens.Count ? Array.IndexOf(UnitWords, tokens[index + 1].Text) : -1;
            if (unit is >= 1 and <= 9)
            {
                value += unit;
                consumed = 2;
            }

            return true;
        }

        var units = Array.IndexOf(UnitWords, text);
        if (units < 0)
        {
            return false;
        }

        value = units;
        consumed = 1;
        return true;
    }

    /// <summary>A whole number as a plain digits token or as words.</summary>
    public static bool TryCardinal(IReadOnlyList<PhraseToken> tokens, int index, out int value, out int consumed)
    {
        if (index < tokens.Count && tokens[index].IsDigits && tokens[index].Text.Length <= 4)
        {
            value = int.Parse(tokens[index].Text, System.Globalization.CultureInfo.InvariantCulture);
            consumed = 1;
            return true;
        }

        return TryCardinalWords(tokens, index, out value, out consumed);
    }

    /// <summary>An ordinal 1–31: "7th", "twenty eighth", "twenty-first", "third".</summary>
    public static bool TryOrdinal(IReadOnlyList<PhraseToken> tokens, int index, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        if (index >= tokens.Count)
        {
            return false;
        }

        var text = tokens[index].Text;
        var digits = DigitOrdinal().Match(text);
        if (digits.Success)
        {
            value = int.Parse(digits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            consumed = 1;
            return value is >= 1 and <= 31;
        }

        if (OrdinalTensWords.TryGetValue(text, out var exactTens))
        {
            value = exactTens;
            consumed = 1;
            return true;
        }

        if (TensWords.TryGetValue(text, out var tens) && index + 1 < tokens.Count)
        {
            var unit = Array.IndexOf(OrdinalUnitWords, tokens[index + 1].Text);
            value = tens + unit;
            consumed = 2;
            return unit is >= 1 and <= 9 && value <= 31;
        }

        value = Array.IndexOf(OrdinalUnitWords, text);
        consumed = 1;
        return value >= 1;
    }

    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DigitOrdinal();
}
