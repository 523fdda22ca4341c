using System.Reflection;
using VoiceAgent.LocalStack;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>The real Bicep compiler (tools/bicep in Azure.Bicep.CommandLine.linux-x64, restored by PackageDownload), as VoiceAgent.Infra.Tests runs it.</summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>infra/main.bicep compiled to its ARM JSON.</summary>
    public static async Task<string> BuildMainAsync()
    {
        var bicep = Executable();
        Assert.True(File.Exists(bicep), $"The Bicep compiler is not at {bicep}: restore the test project (it downloads the package).");
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var infra = Path.Combine(RepositoryRoot.Find(), "infra");
        var build = await ProcessRunner.RunAsync(bicep, ["build", Path.Combine(infra, "main.bicep"), "--stdout"], infra, Timeout);
        Assert.True(build.ExitCode == 0, "bicep build failed:\n" + build.Output);
        return build.StandardOutput;
    }

    private static string Executable()
    {
        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        return Path.Combine(metadata["NuGetPackageRoot"]!, "azure.bicep.commandline.linux-x64", metadata["BicepCliVersion"]!, "tools", "bicep");
    }
}
