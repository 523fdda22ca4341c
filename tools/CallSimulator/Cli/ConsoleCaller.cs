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
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(hangUp, cancellationToken);
        try
        {
            // Console.In reads synchronously even through ReadLineAsync, so read on the pool and stop waiting on hang-up
            // (the blocked read is abandoned: the call, and the program, are over).
            line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(stopListening.Token);
        }
        catch (OperationCanceledException) when (hangUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            line = null;
        }

        if (line is null && prompt is not null)
        {
            await prompt.WriteLineAsync(); // end the "You: " prompt line before the hang-up is reported
        }

        return line is null ? null : CallerUtterance.FromLine(line);
    }
}
