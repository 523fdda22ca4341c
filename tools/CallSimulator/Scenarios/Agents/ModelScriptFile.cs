using System.Text.RegularExpressions;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>
/// A scenario's model script file, <c>tests/model-scripts/&lt;scenario name&gt;.yaml</c>: the stand-in's
/// <see cref="ModelScript"/>, plus the one key that is the runner's, not the stand-in's: <c>fallback: expected</c> at
/// the top, for a scenario whose model is meant to fail so the offline engine takes over. That line is read here and
/// blanked before the stand-in parses the rest, so its line numbers still point into the file.
/// </summary>
public sealed partial record ModelScriptFile(ModelScript Script, bool FallbackExpected)
{
    /// <summary>The script for <paramref name="scenarioName"/> in <paramref name="folder"/>, or null when there is none.</summary>
    /// <exception cref="ScenarioFileException">The file is unreadable, malformed, or written for another scenario.</exception>
    public static async Task<ModelScriptFile?> FindAsync(string folder, string scenarioName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(scenarioName);
        if (scenarioName.IndexOfAny([.. Path.GetInvalidFileNameChars(), '.']) >= 0)
        {
            return null;
        }

        var path = Path.Combine(folder, scenarioName + ".yaml");
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFileException($"{path}: cannot read the model script ({ex.Message}).", ex);
        }

        var script = Parse(text, path);
        if (!string.Equals(script.Script.Scenario, scenarioName, StringComparison.Ordinal))
        {
            throw new ScenarioFileException($"{path}: the model script says scenario: {script.Script.Scenario ?? "(nothing)"}, but it is the script of {scenarioName}.");
        }

        return script;
    }

    public static ModelScriptFile Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var fallback = FallbackLine().Matches(yaml);
        if (fallback.Count > 1 || (fallback.Count == 1 && fallback[0].Groups["value"].Value != "expected"))
        {
            throw new ScenarioFileException($"{path}: 'fallback' is written once, as 'fallback: expected' (the offline engine is meant to take over).");
        }

        try
        {
            return new ModelScriptFile(ModelScript.Parse(FallbackLine().Replace(yaml, string.Empty), path), fallback.Count == 1);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new ScenarioFileException(ex.Message, ex);
        }
    }

    /// <summary>A top-level <c>fallback:</c> line (no indentation), with an optional comment.</summary>
    [GeneratedRegex(@"^fallback:[ \t]*(?<value>[^\s#]*)[ \t]*(#[^\r\n]*)?(?=\r?$)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FallbackLine();
}
