using Microsoft.Extensions.Logging;

namespace VoiceAgent.CallSimulator.Hosting;

/// <summary>One warning or error the in-process app logged, kept whole so a check can ask which event it was (for example the model falling back).</summary>
public sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}
