namespace VoiceAgent.Core.Tenants;

/// <summary>A bookable service: how long it takes, how many can run at once, and what it costs.</summary>
public sealed record ServiceOffering(string Name, int DurationMinutes, int Capacity, decimal? Price = null)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}
