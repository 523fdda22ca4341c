using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.CallSimulator.Twiml;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// A person at the keyboard (or a pipe) on a call: one line per gather; an empty line is silence; the end of input
/// (Ctrl-D) or <paramref name="hangUp"/> (Ctrl-C) hangs up. A line starting with <c>/</c> is a command, not speech: it is
/// handed to <paramref name="command"/> (true: hang up, as <c>/hangup</c> and <c>/quit</c> do) and the caller listens again.
/// </summary>
public sealed class ConsoleCaller(ConsoleLines lines, SessionOutput output, Func<string, Task<bool>> command, CancellationToken hangUp) : ICaller
{
    public async ValueTask<CallerUtterance?> ListenAsync(GatherVerb gather, CancellationToken cancellationToken)
    {
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(hangUp, cancellationToken);
        while (true)
        {
            output.Prompt("You: ");
            string? line;
            try
            {
                line = await lines.ReadAsync(stopListening.Token);
            }
            catch (OperationCanceledException) when (hangUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                line = null;
            }

            // At a keyboard the terminal already moved to the next line, except on Ctrl-D and Ctrl-C.
            output.Answered(endLine: line is null);
            if (line is null)
            {
                return null;
            }

            if (!line.TrimStart().StartsWith('/'))
            {
                return CallerUtterance.FromLine(line);
            }

            if (await command(line))
            {
                return null;
            }
        }
    }
}
