namespace VoiceAgent.Core.Tenants;

/// <summary>A stock answer to a common question, found by its keywords.</summary>
public sealed record FaqAnswer(string Topic, string Answer)
{
    public IReadOnlyList<string> Keywords { get; init; } = [];
}
