using VoiceAgent.LocalStack;

namespace VoiceAgent.Simulator.Tests;

/// <summary>The project's shared scenario folder (../shared/scenarios beside the repository).</summary>
internal static class SharedScenarios
{
    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "scenarios"));

    public static string File(string name) => Path.Combine(Folder, name);
}
