using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Telephony;

/// <summary>Masks what looks like a phone number inside free text (seven or more digits, with the usual separators).</summary>
public static partial class PhoneNumbersInText
{
    public static string Mask(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Numbers().Replace(text, match => PhoneNumber.Mask(match.Value));

    [GeneratedRegex(@"\+?\d(?:[\s().-]*\d){6,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Numbers();
}
