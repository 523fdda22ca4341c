using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace VoiceAgent.CallSimulator.Hosting;

/// <summary>
/// Collects the in-process app's warnings and errors (the app masks phone numbers in its own messages), so a
/// failed scenario can show what went wrong behind the webhook without flooding a passing run.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<string> Lines => [.. _entries.Select(e => e.ToString())];

    /// <summary>The same, with each entry's category and event id.</summary>
    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var error = exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})";
                owner._entries.Enqueue(new CapturedLog(logLevel, category, eventId, $"{formatter(state, exception)}{error}"));
            }
        }
    }
}
