using System.Text;

namespace VoiceAgent.Benchmarks;

/// <summary>
/// Word error rate: the fewest word substitutions, deletions and insertions that turn the recognised text into the
/// reference, over the reference's length. Both sides are normalised first, so only words count, not how they are
/// written: lower case, no punctuation ("a.m." is "am"), numbers spelled as flite says them ("9:30" is "nine thirty").
/// </summary>
internal static class WordErrorRate
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The edit distance in words between the two texts, and the reference's word count.</summary>
    public static (int Errors, int ReferenceWords) Count(string reference, string hypothesis)
    {
        var expected = Words(reference);
        var heard = Words(hypothesis);
        var previous = Enumerable.Range(0, heard.Count + 1).ToArray();
        for (var i = 1; i <= expected.Count; i++)
        {
            var current = new int[heard.Count + 1];
            current[0] = i;
            for (var j = 1; j <= heard.Count; j++)
            {
                var substitution = previous[j - 1] + (expected[i - 1] == heard[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return (previous[heard.Count], expected.Count);
    }

    public static IReadOnlyList<string> Words(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant().Replace(".", string.Empty, StringComparison.Ordinal))
        {
            cleaned.Append(char.IsLetterOrDigit(character) || character == '\'' ? character : ' ');
        }

        return cleaned.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(word => int.TryParse(word, out var number) && number is >= 0 and < 100 ? Spell(number) : [word])
            .ToList();
    }

    private static string[] Spell(int number) =>
        number < 20 ? [Ones[number]] : number % 10 == 0 ? [Tens[number / 10]] : [Tens[number / 10], Ones[number % 10]];
}
