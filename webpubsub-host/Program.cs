using VoiceAgent.WebPubSubHost;

RealtimeHostApp.Build(args).Run();

/// <summary>Entry point.</summary>
public partial class Program;
