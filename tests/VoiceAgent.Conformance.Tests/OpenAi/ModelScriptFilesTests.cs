using VoiceAgent.Conformance.Tests.Infrastructure;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>Every script in tests/model-scripts reads, and is named after the scenario it plays (how the runner finds it).</summary>
public sealed class ModelScriptFilesTests
{
    public static TheoryData<string> Scripts()
    {
        var scripts = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "model-scripts"), "*.yaml").Order(StringComparer.Ordinal))
        {
            scripts.Add(Path.GetFileName(file));
        }

        return scripts;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Load_ScriptFile_ReadsAndNamesItsScenarioAfterTheFile(string file)
    {
        var script = ModelScript.Load(Path.Combine(RepositoryPaths.Root, "tests", "model-scripts", file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), script.Scenario);
        Assert.NotEmpty(script.Turns);
    }
}
