using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Telephony;

/// <summary>Twilio's call identifier: <c>CA</c> followed by 32 hex digits.</summary>
public readonly partial record struct CallSid
{
    private CallSid(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? raw, out CallSid sid)
    {
        sid = default;
        if (raw is null || !Pattern().IsMatch(raw))
        {
            return false;
        }

        sid = new CallSid(raw);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^CA[0-9a-fA-F]{32}$")]
    private static partial Regex Pattern();
}
