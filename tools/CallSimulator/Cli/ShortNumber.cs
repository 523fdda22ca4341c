namespace VoiceAgent.CallSimulator.Cli;

/// <summary>A phone number as the terminal shows it, enough to tell numbers apart and no more: <c>+1555…0101</c>.</summary>
public static class ShortNumber
{
    public static string Of(string number) =>
        number is { Length: > 9 } ? string.Concat(number.AsSpan(0, 5), "…", number.AsSpan(number.Length - 4)) : number;
}
