using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.CallSimulator.Twiml;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// A person at the keyboard (or a pipe): one line per gather; an empty line is silence; end of input or
/// <paramref name="hangUp"/> (Ctrl-C) hangs up.
/// </summary>
public sealed class ConsoleCaller(TextReader input, TextWriter? prompt, CancellationToken hangUp) : ICaller
{
    public async ValueTask<CallerUtterance?> ListenAsync(GatherVerb gather, CancellationToken cancellationToken)
    {
        if (prompt is not null)
        {
            await prompt.WriteAsync("You: ");
            await prompt.FlushAsync(cancellationToken);
        }

        string? line;
        try
        {
            line = await input.ReadLineAsync(cancellationToken).AsTask().WaitAsync(hangUp);
        }
        catch (OperationCanceledException) when (hangUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return line is null ? null : CallerUtterance.FromLine(line);
    }
}
