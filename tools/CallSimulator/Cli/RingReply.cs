using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// What the person types when the shop calls: <c>y</c> (pick up and talk), <c>n</c> (let it ring out), <c>v</c>
/// (voicemail picks up and listens), <c>b</c> (the line is busy). Typed before the phone rings, it answers the next call.
/// </summary>
public static class RingReply
{
    public const string Choices = "y = pick up, n = let it ring, v = voicemail, b = busy";

    public static bool TryParse(string? line, out PhoneAnswer answer)
    {
        answer = PhoneAnswer.Nobody;
        switch (line?.Trim().ToLowerInvariant())
        {
            case "y" or "yes" or "answer" or "pick up":
                answer = PhoneAnswer.Person();
                return true;
            case "n" or "no" or "ignore":
                answer = PhoneAnswer.Nobody;
                return true;
            case "v" or "voicemail" or "m" or "machine":
                answer = PhoneAnswer.Machine;
                return true;
            case "b" or "busy":
                answer = PhoneAnswer.Busy;
                return true;
            default:
                return false;
        }
    }

    /// <summary>"[you pick up]", as the transcript says what the person chose.</summary>
    public static string Describe(PhoneAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.By switch
        {
            PhonePickup.Person => "[you pick up]",
            PhonePickup.Machine => "[your voicemail picks up]",
            PhonePickup.Busy => "[your line is busy]",
            _ => "[you let it ring]",
        };
    }
}
