using VoiceAgent.CallSimulator.Scenarios;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>Prints scenario outcomes: <c>PASS name</c>, or <c>FAIL name</c> with the reasons, the transcript, the texts and calls after it, the app's warnings and, on the LLM path, the model's exchanges.</summary>
public static class ScenarioReport
{
    public static void Write(TextWriter output, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {result.Name} ({result.SourcePath})");
        if (result.Passed)
        {
            return;
        }

        foreach (var reason in result.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }

        if (result.Transcript.Count > 0)
        {
            output.WriteLine("  transcript:");
            foreach (var line in result.Transcript)
            {
                output.WriteLine($"    {line}");
            }
        }

        if (result.AfterTheCall.Count > 0)
        {
            output.WriteLine("  texts and calls (Twilio stand-in):");
            foreach (var line in result.AfterTheCall)
            {
                output.WriteLine($"    {line}");
            }
        }

        if (result.AppLog.Count > 0)
        {
            output.WriteLine("  app log (warnings and errors):");
            foreach (var line in result.AppLog)
            {
                output.WriteLine($"    {line}");
            }
        }

        if (result.ModelLog.Count > 0)
        {
            output.WriteLine("  model (scripted stand-in):");
            foreach (var line in result.ModelLog)
            {
                output.WriteLine($"    {line}");
            }
        }
    }

    /// <summary>The closing line: exactly <c>N passed, M failed</c>.</summary>
    public static void WriteSummary(TextWriter output, IReadOnlyCollection<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        output.WriteLine($"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed");
    }
}
