using System.Threading.Channels;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The person's lines, read on one background reader so that whoever needs the next line (the call, the ring, the
/// prompt between calls) can wait for it alongside other things, and stop waiting. A null line is the end of input
/// (Ctrl-D): from a pipe that is the end for good; at a keyboard the person may type again after it.
/// </summary>
public sealed class ConsoleLines
{
    private static readonly TimeSpan ClosedTerminal = TimeSpan.FromMilliseconds(100);
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleWriter = true });
    private volatile bool _ended;

    private ConsoleLines()
    {
    }

    /// <summary>True when what comes next is the end of input (Ctrl-D typed, or a pipe's end): no line is waiting before it.</summary>
    public bool AtEnd => _lines.Reader.TryPeek(out var next) ? next is null : _ended;

    /// <summary>Starts reading <paramref name="input"/>; <paramref name="terminal"/>: a keyboard, where Ctrl-D is not the end.</summary>
    public static ConsoleLines Start(TextReader input, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = new ConsoleLines();
        _ = Task.Factory.StartNew(() => lines.Pump(input, terminal), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return lines;
    }

    /// <summary>Completes when a line (or the end of input) can be read; the person's typing is not consumed.</summary>
    public Task WhenReadableAsync(CancellationToken cancellationToken) => _lines.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>The next line; null at the end of input (and for good once a pipe has ended).</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The next line if one waits now; null (true) once a pipe has ended.</summary>
    public bool TryRead(out string? line)
    {
        if (_lines.Reader.TryRead(out line))
        {
            return true;
        }

        line = null;
        return _lines.Reader.Completion.IsCompleted;
    }

    private void Pump(TextReader input, bool terminal)
    {
        long? lastEnd = null;
        try
        {
            while (true)
            {
                var line = input.ReadLine();
                _lines.Writer.TryWrite(line);
                if (line is not null)
                {
                    continue;
                }

                // At a keyboard Ctrl-D ends only the current wait; a terminal that is gone ends input at once, again and again.
                if (!terminal || (lastEnd is { } previous && TimeProvider.System.GetElapsedTime(previous) < ClosedTerminal))
                {
                    break;
                }

                lastEnd = TimeProvider.System.GetTimestamp();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            _lines.Writer.TryWrite(null);
        }

        _ended = true;
        _lines.Writer.TryComplete();
    }
}
