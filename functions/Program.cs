using VoiceAgent.Functions.Hosting;

FunctionsApp.Create(args).Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
