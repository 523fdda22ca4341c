using System.Text.RegularExpressions;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// Writes a <see cref="ModelScript"/> in code, in the order the conversation happens:
/// <c>ModelScript.Turn("(?i)oil change").Calls("check_availability", new { service = "oil change", date = "2026-12-02" })
/// .Then().Says("9 AM is free. Shall I book it?").Turn("(?i)^yes").Says("Booked.").Build()</c>. Each call adds to the
/// step being written; <see cref="Then"/> starts the turn's next step, <see cref="Turn"/> the next turn.
/// </summary>
public sealed class ModelScriptBuilder
{
    private readonly string? _scenario;
    private readonly List<ScriptTurn> _turns = [];
    private Regex? _caller;
    private List<ScriptStep>? _steps;
    private ScriptStep? _step;
    private bool _fallbackExpected;

    internal ModelScriptBuilder(string? scenario) => _scenario = scenario;

    /// <summary>Starts the next caller turn; <paramref name="caller"/> is the pattern its last user message must match (null: any).</summary>
    public ModelScriptBuilder Turn(string? caller = null)
    {
        CloseTurn();
        _caller = caller is null ? null : Patterns.Create(caller);
        _steps = [];
        return this;
    }

    /// <summary>Starts the current turn's next step (the model's next request in this turn).</summary>
    public ModelScriptBuilder Then()
    {
        CloseStep();
        return this;
    }

    /// <summary>The step's reply text.</summary>
    public ModelScriptBuilder Says(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Edit(step => step.Say is null ? step with { Say = text } : throw new InvalidOperationException("this step already says something; use Then() for the next step"));
    }

    /// <summary>A tool call with <paramref name="arguments"/> serialised to JSON (an anonymous object, a dictionary; null is <c>{}</c>).</summary>
    public ModelScriptBuilder Calls(string tool, object? arguments = null) => AddCall(ScriptedToolCall.WithArguments(tool, arguments));

    /// <summary>A tool call whose arguments string is sent verbatim (e.g. malformed JSON).</summary>
    public ModelScriptBuilder CallsWithRawArguments(string tool, string rawArguments) => AddCall(ScriptedToolCall.WithRawArguments(tool, rawArguments));

    /// <summary>This step's request must carry a result for <paramref name="tool"/> matching <paramref name="pattern"/>.</summary>
    public ModelScriptBuilder ExpectsToolResult(string tool, string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        var regex = Patterns.Create(pattern);
        return Edit(step => step with { ExpectToolResults = new Dictionary<string, Regex>(step.ExpectToolResults, StringComparer.Ordinal) { [tool] = regex } });
    }

    /// <summary>This step's request must have a system prompt matching <paramref name="pattern"/>.</summary>
    public ModelScriptBuilder ExpectsSystem(string pattern)
    {
        var regex = Patterns.Create(pattern);
        return Edit(step => step with { ExpectSystem = regex });
    }

    /// <summary>The first token comes after <paramref name="delay"/>.</summary>
    public ModelScriptBuilder FirstTokenAfter(TimeSpan delay) => Edit(step => step with { FirstTokenDelay = delay });

    /// <summary>The step answers <paramref name="times"/> requests (the client's retries included) with <paramref name="fault"/>.</summary>
    public ModelScriptBuilder Fails(ScriptFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Edit(step => step with { Fault = fault, Repeat = times });
    }

    /// <summary>The step answers every request from here on with <paramref name="fault"/> (YAML <c>repeat: all</c>); it must be the last.</summary>
    public ModelScriptBuilder FailsEveryRequest(ScriptFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Edit(step => step with { Fault = fault, RepeatForever = true });
    }

    /// <summary>The run is meant to fall back to the offline engine (<see cref="ModelScript.FallbackExpected"/>).</summary>
    public ModelScriptBuilder ExpectingFallback()
    {
        _fallbackExpected = true;
        return this;
    }

    /// <summary>The script; throws <see cref="ArgumentException"/> when a step is incomplete or contradictory.</summary>
    public ModelScript Build()
    {
        CloseTurn();
        return new ModelScript(_turns.ToArray(), _scenario) { FallbackExpected = _fallbackExpected };
    }

    private ModelScriptBuilder AddCall(ScriptedToolCall call) => Edit(step => step with { ToolCalls = [.. step.ToolCalls, call] });

    private ModelScriptBuilder Edit(Func<ScriptStep, ScriptStep> change)
    {
        if (_steps is null)
        {
            throw new InvalidOperationException("start a turn first: ModelScript.Turn(...) or .Turn(...)");
        }

        _step = change(_step ?? new ScriptStep());
        return this;
    }

    private void CloseStep()
    {
        if (_step is not null)
        {
            _steps!.Add(_step);
            _step = null;
        }
    }

    private void CloseTurn()
    {
        if (_steps is null)
        {
            return;
        }

        CloseStep();
        _turns.Add(new ScriptTurn { Caller = _caller, Steps = _steps.ToArray() });
        _steps = null;
    }
}
