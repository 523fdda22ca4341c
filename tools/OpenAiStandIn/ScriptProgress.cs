using System.Text;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// How far a script has played: the problems (refused requests: unscripted, mismatching, protocol errors; wrong keys
/// and routes) and the steps not yet answered. A scenario run fails unless <see cref="Passed"/>.
/// </summary>
public sealed record ScriptProgress
{
    /// <summary>The script's scenario name, or its source.</summary>
    public required string Script { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Steps not yet answered, each as "turn N (caller ~ /…/) step M[, line L]: what it answers".</summary>
    public required IReadOnlyList<string> Unconsumed { get; init; }

    public int StepsAnswered { get; init; }

    public int StepCount { get; init; }

    /// <summary>Every step answered (a fault with a repeat count only once answered that many times).</summary>
    public bool Finished => Unconsumed.Count == 0;

    /// <summary>Finished, and not one problem.</summary>
    public bool Passed => Finished && Problems.Count == 0;

    /// <summary>A report for a failed test: counts, then every problem and unconsumed step.</summary>
    public string Describe()
    {
        var report = new StringBuilder($"model script {Script}: {StepsAnswered} of {StepCount} steps answered, {Problems.Count} problem(s), {Unconsumed.Count} step(s) unconsumed");
        Section(report, "problems", Problems);
        Section(report, "unconsumed", Unconsumed);
        return report.ToString();
    }

    private static void Section(StringBuilder report, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        report.Append('\n').Append(title).Append(':');
        foreach (var line in lines)
        {
            report.Append("\n  - ").Append(line);
        }
    }
}
