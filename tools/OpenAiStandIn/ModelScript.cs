using VoiceAgent.OpenAiStandIn.Yaml;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// What the model does in one conversation, turn by turn: for each caller message that reaches the model, the
/// requests it makes (tool calls, then the reply) and the faults it answers with. Read from a YAML file
/// (<c>tests/model-scripts/&lt;scenario&gt;.yaml</c>, see the README) or built in code with <see cref="Turn"/>. A
/// <see cref="ModelStandIn"/> plays it against the app's real model client.
/// </summary>
public sealed class ModelScript
{
    public ModelScript(IReadOnlyList<ScriptTurn> turns, string? scenario = null, string source = "inline")
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        for (var t = 0; t < turns.Count; t++)
        {
            if (turns[t].Steps.Count == 0)
            {
                throw new ArgumentException($"{source}: turn {t + 1} has no steps (every turn that reaches the model makes at least one request)", nameof(turns));
            }

            for (var s = 0; s < turns[t].Steps.Count; s++)
            {
                var step = turns[t].Steps[s];
                var invalid = step.Invalid() ?? (step.RepeatForever && !IsLast(turns, t, s) ? "a fault with repeat: all answers every later request, so it must be the script's last step" : null);
                if (invalid is not null)
                {
                    throw new ArgumentException($"{source}: turn {t + 1} step {s + 1}: {invalid}", nameof(turns));
                }
            }
        }

        Turns = turns;
        Scenario = scenario;
        Source = source;
    }

    /// <summary>The scenario it belongs to (the YAML <c>scenario:</c>, equal to the scenario's <c>name:</c>).</summary>
    public string? Scenario { get; }

    public IReadOnlyList<ScriptTurn> Turns { get; }

    /// <summary>
    /// <c>fallback: expected</c>: the run is meant to end on the offline engine (the model fails); for the scenario
    /// runner, which otherwise fails a run that fell back. The stand-in itself plays the script the same either way.
    /// </summary>
    public bool FallbackExpected { get; init; }

    /// <summary>The file it was read from, or <c>inline</c>.</summary>
    public string Source { get; }

    /// <summary>Every step of every turn.</summary>
    public int StepCount => Turns.Sum(turn => turn.Steps.Count);

    /// <summary>A script with no turns: every model request is unscripted (for runs where the model must not be asked).</summary>
    public static ModelScript Empty { get; } = new([]);

    /// <summary>Reads a script file. Throws <see cref="FormatException"/> naming the file and line of anything wrong.</summary>
    public static ModelScript Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses a script's YAML. Throws <see cref="FormatException"/> naming <paramref name="source"/> and the line of anything wrong.</summary>
    public static ModelScript Parse(string yaml, string source = "inline") => ModelScriptYaml.Parse(yaml, source);

    /// <summary>Starts a script in code with its first turn (<paramref name="caller"/>: the pattern its caller message must match).</summary>
    public static ModelScriptBuilder Turn(string? caller = null) => new ModelScriptBuilder(null).Turn(caller);

    /// <summary>Starts a script in code for <paramref name="scenario"/>; add turns with <see cref="ModelScriptBuilder.Turn"/>.</summary>
    public static ModelScriptBuilder For(string scenario) => new(scenario);

    private static bool IsLast(IReadOnlyList<ScriptTurn> turns, int turn, int step) => turn == turns.Count - 1 && step == turns[turn].Steps.Count - 1;
}
