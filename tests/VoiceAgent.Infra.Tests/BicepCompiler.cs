namespace VoiceAgent.Infra.Tests;

/// <summary>The real Bicep compiler (NuGet Azure.Bicep.CommandLine.linux-x64), run as a process.</summary>
internal static class BicepCompiler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<ProcessResult> BuildAsync(string bicepFile, string outputFile) =>
        RunAsync("build", bicepFile, "--outfile", outputFile);

    public static Task<ProcessResult> LintAsync(string bicepFile) => RunAsync("lint", bicepFile);

    private static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var bicep = RepositoryPaths.BicepExecutable;
        Assert.True(File.Exists(bicep), $"The Bicep compiler is not at {bicep}: restore the test project (it downloads the package).");
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return await ProcessRunner.RunAsync(bicep, arguments, RepositoryPaths.Infra, Timeout);
    }
}
