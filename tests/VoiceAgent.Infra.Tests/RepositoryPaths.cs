using System.Reflection;

namespace VoiceAgent.Infra.Tests;

/// <summary>Where things are: the repository root (the folder holding VoiceAgent.sln), the shared schemas next to it, the Bicep compiler.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");

    /// <summary>Official schemas live beside the repository (../shared/schemas).</summary>
    public static string AzureYamlSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "azure.yaml.json"));

    public static string ValidateAzureYamlScript => Path.Combine(Root, "tests", "VoiceAgent.Infra.Tests", "Scripts", "validate-azure-yaml.mjs");

    /// <summary>tools/bicep inside the Azure.Bicep.CommandLine.linux-x64 package that restore downloaded (PackageDownload).</summary>
    public static string BicepExecutable
    {
        get
        {
            var assembly = typeof(RepositoryPaths).Assembly;
            var version = Metadata(assembly, "BicepCliVersion");
            var packageRoot = Metadata(assembly, "NuGetPackageRoot");
            return Path.Combine(packageRoot, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        }
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see VoiceAgent.Infra.Tests.csproj.");

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
