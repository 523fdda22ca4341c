namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>How a piped <c>tools/dev</c> run ended: its exit code, what it printed (the terminal's lines), its stderr and where its logs are.</summary>
internal sealed record DevCallResult(int ExitCode, IReadOnlyList<string> Lines, string Errors, string Logs)
{
    /// <summary>The index of the first line at or after <paramref name="from"/> that <paramref name="matches"/>, or -1.</summary>
    public int IndexOf(Func<string, bool> matches, int from = 0)
    {
        for (var i = Math.Max(0, from); i < Lines.Count; i++)
        {
            if (matches(Lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() => $"exit {ExitCode}\n{string.Join('\n', Lines)}\nstderr:\n{Errors}\nlogs: {Logs}";
}
