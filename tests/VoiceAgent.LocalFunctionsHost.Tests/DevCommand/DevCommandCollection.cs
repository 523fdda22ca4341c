namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// The tests that run <c>tools/dev</c>, one at a time: each starts a whole stack, and one of them builds the binaries
/// the others run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DevCommandCollection
{
    public const string Name = "tools/dev";
}
