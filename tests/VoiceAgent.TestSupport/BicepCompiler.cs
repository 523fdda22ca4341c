using System.Reflection;
using VoiceAgent.LocalStack;

namespace VoiceAgent.TestSupport;

/// <summary>
/// The real Bicep compiler (tools/bicep in NuGet Azure.Bicep.CommandLine.linux-x64, downloaded by restore through this
/// project's PackageDownload), run as a process from infra/.
/// </summary>
public static class BicepCompiler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The repository's infra folder (where the compiler runs).</summary>
    public static string Infra => Path.Combine(RepositoryRoot.Find(), "infra");

    /// <summary>infra/main.bicep.</summary>
    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    /// <summary>tools/bicep inside the restored package (version and package root are this assembly's metadata).</summary>
    public static string Executable
    {
        get
        {
            var assembly = typeof(BicepCompiler).Assembly;
            return Path.Combine(Metadata(assembly, "NuGetPackageRoot"), "azure.bicep.commandline.linux-x64", Metadata(assembly, "BicepCliVersion"), "tools", "bicep");
        }
    }

    /// <summary><c>bicep build</c> of <paramref name="bicepFile"/> into <paramref name="outputFile"/>.</summary>
    public static Task<ProcessResult> BuildAsync(string bicepFile, string outputFile) =>
        RunAsync("build", bicepFile, "--outfile", outputFile);

    /// <summary><c>bicep lint</c> of <paramref name="bicepFile"/> (exits 0 even with warnings; they are printed).</summary>
    public static Task<ProcessResult> LintAsync(string bicepFile) => RunAsync("lint", bicepFile);

    /// <summary>infra/main.bicep compiled to its ARM JSON (<c>--stdout</c>); throws with the compiler's output if it fails.</summary>
    public static async Task<string> BuildMainJsonAsync()
    {
        var build = await RunAsync("build", MainBicep, "--stdout");
        return build.ExitCode == 0 ? build.StandardOutput : throw new InvalidOperationException("bicep build failed:\n" + build.Output);
    }

    private static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var bicep = Executable;
        if (!File.Exists(bicep))
        {
            throw new FileNotFoundException($"The Bicep compiler is not at {bicep}: restore the test project (VoiceAgent.TestSupport downloads the package).", bicep);
        }

        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return await ProcessRunner.RunAsync(bicep, arguments, Infra, Timeout);
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see VoiceAgent.TestSupport.csproj.");
}
