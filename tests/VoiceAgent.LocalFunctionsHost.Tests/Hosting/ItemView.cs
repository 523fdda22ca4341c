namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>What <see cref="HttpFunctions"/> answers: the bound route value, a query value and the app's clock.</summary>
public sealed record ItemView(int Id, string Query, DateTimeOffset Now);
