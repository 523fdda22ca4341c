using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// Turns what a caller typed or a speech recogniser heard into bare VIN characters. Typed fragments
/// (<c>1HG CM826-33A004352</c>) are joined; spoken words become characters: digit words ("eight", "oh", "niner"),
/// letter names ("bee", "see", "double u"), the NATO alphabet ("hotel"), "double"/"triple" repeats, and
/// "B as in boy" keeps only the letter. Filler ("my VIN is", "uh") is skipped. Between spaces a lone "o" is read as
/// zero, because O never occurs in a VIN and recognisers write a spoken "oh" that way. Characters are not validated
/// here; <see cref="Vin.TryParse(string?, VinCheckDigitPolicy, out Vin, out VinProblem)"/> does that.
/// </summary>
internal static partial class VinText
{
    private const int MaxInputLength = 400;

    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["zero"] = "0", ["oh"] = "0", ["one"] = "1", ["won"] = "1", ["two"] = "2", ["to"] = "2", ["too"] = "2",
        ["three"] = "3", ["four"] = "4", ["for"] = "4", ["fore"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["ate"] = "8", ["nine"] = "9", ["niner"] = "9",
        ["bee"] = "B", ["be"] = "B", ["see"] = "C", ["sea"] = "C", ["cee"] = "C", ["dee"] = "D", ["ee"] = "E",
        ["eff"] = "F", ["ef"] = "F", ["gee"] = "G", ["aitch"] = "H", ["jay"] = "J", ["kay"] = "K", ["el"] = "L",
        ["ell"] = "L", ["em"] = "M", ["en"] = "N", ["pee"] = "P", ["pea"] = "P", ["are"] = "R", ["ar"] = "R",
        ["ess"] = "S", ["es"] = "S", ["tee"] = "T", ["tea"] = "T", ["you"] = "U", ["vee"] = "V", ["ex"] = "X",
        ["why"] = "Y", ["wye"] = "Y", ["zee"] = "Z", ["zed"] = "Z",
        ["alpha"] = "A", ["alfa"] = "A", ["bravo"] = "B", ["charlie"] = "C", ["delta"] = "D", ["echo"] = "E",
        ["foxtrot"] = "F", ["golf"] = "G", ["hotel"] = "H", ["india"] = "I", ["juliet"] = "J", ["juliett"] = "J",
        ["kilo"] = "K", ["lima"] = "L", ["mike"] = "M", ["november"] = "N", ["oscar"] = "O", ["papa"] = "P",
        ["quebec"] = "Q", ["romeo"] = "R", ["sierra"] = "S", ["tango"] = "T", ["uniform"] = "U", ["victor"] = "V",
        ["whiskey"] = "W", ["whisky"] = "W", ["xray"] = "X", ["yankee"] = "Y", ["zulu"] = "Z",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Filler = new[]
    {
        "my", "vin", "vins", "number", "is", "it's", "its", "the", "uh", "um", "er", "erm", "and", "then", "okay", "ok",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool TryNormalise(string? raw, out string text, out VinProblem problem)
    {
        text = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            problem = VinProblem.Empty;
            return false;
        }

        if (raw.Length > MaxInputLength)
        {
            problem = VinProblem.WrongLength;
            return false;
        }

        var tokens = Separators().Split(XRay().Replace(raw.Trim(), "xray")).Where(t => t.Length > 0).ToArray();
        var spoken = tokens.Length > 1;
        var builder = new StringBuilder(Vin.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (!Token().IsMatch(token))
            {
                problem = VinProblem.UnrecognisedWord;
                return false;
            }

            if (IsAsIn(tokens, i))
            {
                i += 2;
                continue;
            }

            var repeat = token.ToLowerInvariant() switch { "double" => 2, "triple" => 3, _ => 1 };
            if (repeat > 1 && i + 1 < tokens.Length)
            {
                var next = tokens[++i];
                if (repeat == 2 && next.ToLowerInvariant() is "u" or "you")
                {
                    builder.Append('W');
                    continue;
                }

                var once = Read(next, spoken);
                if (once is null)
                {
                    problem = VinProblem.UnrecognisedWord;
                    return false;
                }

                builder.Insert(builder.Length, once, repeat);
                continue;
            }

            if (Filler.Contains(token))
            {
                continue;
            }

            var chars = Read(token, spoken);
            if (chars is null)
            {
                problem = VinProblem.UnrecognisedWord;
                return false;
            }

            builder.Append(chars);
        }

        if (builder.Length == 0)
        {
            problem = VinProblem.Empty;
            return false;
        }

        text = builder.ToString();
        problem = VinProblem.None;
        return true;
    }

    private static string? Read(string token, bool spoken)
    {
        if (Words.TryGetValue(token, out var word))
        {
            return word;
        }

        if (spoken && token is "o" or "O")
        {
            return "0";
        }

        return Token().IsMatch(token) && !token.Contains('\'', StringComparison.Ordinal) ? token.ToUpperInvariant() : null;
    }

    /// <summary>"B as in boy": the letter was already read; skip "as in boy".</summary>
    private static bool IsAsIn(string[] tokens, int i) =>
        i > 0 && i + 2 < tokens.Length
        && tokens[i].Equals("as", StringComparison.OrdinalIgnoreCase)
        && tokens[i + 1].Equals("in", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\s\-\u2010-\u2015_.,;:/]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"x-ray", RegexOptions.IgnoreCase)]
    private static partial Regex XRay();

    [GeneratedRegex(@"^[A-Za-z0-9']+$")]
    private static partial Regex Token();
}
