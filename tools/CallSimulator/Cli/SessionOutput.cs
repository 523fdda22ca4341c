namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The terminal, written from several threads at once: the call's transcript, texts and rings that arrive while the
/// person is typing. At a keyboard a line that arrives while a prompt waits (<c>You: </c>, <c>&gt; </c>) is printed on
/// its own line and the prompt is shown again after it; from a pipe no prompts are shown at all.
/// </summary>
public sealed class SessionOutput(TextWriter writer, bool showPrompts)
{
    private readonly Lock _lock = new();
    private string? _prompt;

    public bool ShowsPrompts => showPrompts;

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            if (_prompt is not null)
            {
                writer.WriteLine();
            }

            writer.WriteLine(line);
            if (_prompt is not null)
            {
                writer.Write(_prompt);
            }

            writer.Flush();
        }
    }

    /// <summary>Shows <paramref name="prompt"/> (at a keyboard) until <see cref="Answered"/>.</summary>
    public void Prompt(string prompt)
    {
        if (!showPrompts)
        {
            return;
        }

        lock (_lock)
        {
            _prompt = prompt;
            writer.Write(prompt);
            writer.Flush();
        }
    }

    /// <summary>The person ended the prompt's line (the terminal moved to the next line), or it was abandoned.</summary>
    public void Answered(bool endLine = false)
    {
        lock (_lock)
        {
            if (_prompt is not null && endLine)
            {
                writer.WriteLine();
                writer.Flush();
            }

            _prompt = null;
        }
    }
}
