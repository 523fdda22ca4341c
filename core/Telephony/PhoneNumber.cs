using PhoneNumbers;

namespace VoiceAgent.Core.Telephony;

/// <summary>A phone number in E.164 form (<c>+15555550101</c>), created only through <see cref="TryParse"/>.</summary>
public readonly record struct PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string e164) => E164 = e164;

    public string E164 { get; }

    /// <summary>Safe for logs: country prefix and last two digits only (<c>+1*******01</c>).</summary>
    public string Masked => Mask(E164);

    /// <summary>Parses what Twilio (or a person) gives: E.164, or a national number in <paramref name="defaultRegion"/>.</summary>
    public static bool TryParse(string? raw, string defaultRegion, out PhoneNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32)
        {
            return false;
        }

        try
        {
            var parsed = Util.Parse(raw, defaultRegion);
            if (!Util.IsPossibleNumber(parsed))
            {
                return false;
            }

            number = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static PhoneNumber Parse(string raw, string defaultRegion = "US") =>
        TryParse(raw, defaultRegion, out var number)
            ? number
            : throw new FormatException($"'{Mask(raw)}' is not a valid phone number.");

    /// <summary>Masks any string that may hold a phone number, keeping the first two and last two characters.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.Length <= 4 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 2), new string('*', value.Length - 4), value.AsSpan(value.Length - 2));
    }

    public override string ToString() => E164;
}
