using System.Text.RegularExpressions;

namespace VoiceAgent.RelayLoad;

/// <summary>A caller's words, what the turn is called in the report, and a pattern the agent's reply must match.</summary>
internal sealed record ScriptedTurn(string Name, string Words, string Expected)
{
    public void Check(string reply, string path)
    {
        if (!Regex.IsMatch(reply, Expected, RegexOptions.Singleline))
        {
            throw new InvalidOperationException($"{path} turn '{Name}': \"{Words}\" got \"{reply}\", which does not match /{Expected}/.");
        }
    }
}
