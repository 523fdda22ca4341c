namespace VoiceAgent.Infra.Tests;

/// <summary>Where things are: the repository root (the folder holding VoiceAgent.sln), the shared schemas next to it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");

    /// <summary>Official schemas live beside the repository (../shared/schemas).</summary>
    public static string AzureYamlSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "azure.yaml.json"));

    public static string ValidateAzureYamlScript => Path.Combine(Root, "tests", "VoiceAgent.Infra.Tests", "Scripts", "validate-azure-yaml.mjs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceAgent.sln")) && Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (VoiceAgent.sln + infra/) above {AppContext.BaseDirectory}.");
    }
}
