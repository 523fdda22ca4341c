using System.Text.RegularExpressions;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>The numbers the stand-in accepts (E.164) and how Twilio formats them for display (<c>to_formatted</c>).</summary>
internal static partial class PhoneNumbers
{
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number);

    /// <summary>North American numbers as <c>(555) 555-0102</c>; others as given.</summary>
    public static string Formatted(string number) =>
        Nanp().Match(number) is { Success: true } m ? $"({m.Groups[1].Value}) {m.Groups[2].Value}-{m.Groups[3].Value}" : number;

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^\+1([0-9]{3})([0-9]{3})([0-9]{4})$")]
    private static partial Regex Nanp();
}
