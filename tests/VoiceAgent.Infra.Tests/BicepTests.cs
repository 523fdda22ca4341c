namespace VoiceAgent.Infra.Tests;

/// <summary>infra/main.bicep compiles and lints clean with the real Bicep compiler (warnings count as failures).</summary>
public sealed class BicepTests
{
    [Fact]
    public async Task Build_MainBicep_SucceedsWithoutDiagnostics()
    {
        var output = Path.Combine(Path.GetTempPath(), $"voiceagent-main-{Guid.NewGuid():N}.json");
        try
        {
            var result = await BicepCompiler.BuildAsync(RepositoryPaths.MainBicep, output);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.True(string.IsNullOrWhiteSpace(result.StandardError), "bicep build reported diagnostics:\n" + result.Output);
            Assert.True(File.Exists(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Lint_MainBicep_ReportsNothing()
    {
        var result = await BicepCompiler.LintAsync(RepositoryPaths.MainBicep);

        // bicep lint exits 0 even with warnings, so any diagnostic line fails the test.
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError) && string.IsNullOrWhiteSpace(result.StandardOutput), "bicep lint reported diagnostics:\n" + result.Output);
    }
}
