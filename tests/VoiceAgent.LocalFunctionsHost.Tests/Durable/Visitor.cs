namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>A typed workflow input, as the app's records are.</summary>
public sealed record Visitor(string Name, int Visits);
