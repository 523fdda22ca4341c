namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>The agent's reply as the transcript keeps it when the caller spoke over it: only what the caller heard.</summary>
public static class InterruptedReply
{
    public const string Marker = "[interrupted]";

    public static string Line(string heard) =>
        string.IsNullOrWhiteSpace(heard) ? $"{Marker} before a word was heard" : $"{heard.Trim()} {Marker}";
}
