namespace VoiceAgent.Smoke;

/// <summary>The command line cannot be run as given (exit code 2): a missing, unknown or malformed argument.</summary>
public sealed class UsageException(string message) : Exception(message);
