using VoiceAgent.LocalFunctionsHost;

// The functions app under the local stand-in for the Functions host; settings from the environment and arguments.
await using var host = VoiceAgentFunctionsHost.Create(args);
await host.RunAsync();
