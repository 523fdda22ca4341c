using System.Globalization;

namespace VoiceAgent.OpenAiStandIn.Playback;

/// <summary>
/// Plays a <see cref="ModelScript"/> against the requests as they come, one at a time (thread-safe): a request ending
/// with a user message starts the next turn, one ending with tool results is the current turn's next step, and the
/// request right after a fault (the client's retry) is the next step whatever it ends with. A refused request moves
/// nothing and is recorded as a problem; so is anything the endpoints report (<see cref="Problem"/>).
/// </summary>
internal sealed class ScriptPlayer(ModelScript script)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedModelRequest> _requests = [];
    private readonly List<string> _problems = [];
    private ModelScript _script = script;
    private int _turn = -1;
    private int _step;
    private int _answeredOfStep;
    private int _stepsAnswered;
    private bool _afterFault;
    private ScriptStep? _forever;

    public ModelScript Script
    {
        get
        {
            lock (_gate)
            {
                return _script;
            }
        }
    }

    public IReadOnlyList<RecordedModelRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Starts <paramref name="script"/> from its first turn, forgetting the requests and problems so far.</summary>
    public void Play(ModelScript script)
    {
        lock (_gate)
        {
            (_script, _turn, _step, _answeredOfStep, _stepsAnswered, _afterFault, _forever) = (script, -1, 0, 0, 0, false, null);
            _requests.Clear();
            _problems.Clear();
        }
    }

    /// <summary>Records a problem found before the script was asked (authentication, route, unreadable body).</summary>
    public void Problem(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Records <paramref name="request"/> and decides its answer; <paramref name="protocolProblem"/> refuses it outright.</summary>
    public PlayDecision Decide(RecordedModelRequest request, string? protocolProblem)
    {
        lock (_gate)
        {
            var number = _requests.Count + 1;
            var decision = protocolProblem is not null ? PlayDecision.Refuse($"protocol: {protocolProblem}") : Match(request);
            if (decision.Refusal is { } refusal)
            {
                _problems.Add($"request #{number}: {refusal}");
            }

            _requests.Add(request with { Number = number, Answer = decision.Summary });
            return decision;
        }
    }

    public ScriptProgress Progress()
    {
        lock (_gate)
        {
            return new ScriptProgress
            {
                Script = _script.Scenario ?? _script.Source,
                Problems = _problems.ToArray(),
                Unconsumed = Unconsumed().ToArray(),
                StepsAnswered = _stepsAnswered,
                StepCount = _script.StepCount,
            };
        }
    }

    private PlayDecision Match(RecordedModelRequest request)
    {
        if (_forever is { } forever)
        {
            return PlayDecision.Play(forever, "the repeat: all fault");
        }

        var turns = _script.Turns;
        var stepsLeft = _turn >= 0 && _step < turns[_turn].Steps.Count;
        if (stepsLeft && (_afterFault || _answeredOfStep > 0))
        {
            return Take(request, _turn, _step);
        }

        var last = request.Messages[^1];
        switch (last.Role)
        {
            case "user" when stepsLeft:
                return PlayDecision.Refuse($"turn {_turn + 1} still has {Left(_turn, _step)}, but a new caller message arrived: \"{last.Content}\"");
            case "user" when _turn + 1 >= turns.Count:
                return PlayDecision.Refuse($"unscripted caller message \"{last.Content}\": it would be turn {_turn + 2} and the script has {turns.Count}");
            case "user" when turns[_turn + 1].Caller is { } caller && !caller.IsMatch(last.Content ?? ""):
                return PlayDecision.Refuse($"turn {_turn + 2}: caller message \"{last.Content}\" does not match /{caller}/");
            case "user":
                return Take(request, _turn + 1, 0);
            case "tool" when _turn < 0:
                return PlayDecision.Refuse("a request with tool results came before any caller turn");
            case "tool" when !stepsLeft:
                return PlayDecision.Refuse($"turn {_turn + 1} has no step left for this request with tool results ({string.Join(", ", request.TrailingToolResults.Select(ToolName(request)))})");
            case "tool":
                return Take(request, _turn, _step);
            default:
                return PlayDecision.Refuse($"the last message is role '{last.Role}'; a request ends with a caller message (the next turn) or tool results (the turn's next step)");
        }
    }

    private PlayDecision Take(RecordedModelRequest request, int turn, int step)
    {
        var scripted = _script.Turns[turn].Steps[step];
        var where = Where(turn, step);
        if (StepExpectations.Unmet(scripted, request, ToolName(request)) is { } unmet)
        {
            return PlayDecision.Refuse($"{where}: {unmet}");
        }

        if (turn != _turn)
        {
            (_turn, _step, _answeredOfStep) = (turn, step, 0);
        }

        _afterFault = scripted.Fault is not null;
        if (scripted.RepeatForever)
        {
            _forever = scripted;
            _step++;
            _stepsAnswered++;
        }
        else if (++_answeredOfStep >= scripted.Repeat)
        {
            _step++;
            _answeredOfStep = 0;
            _stepsAnswered++;
        }

        return PlayDecision.Play(scripted, where);
    }

    private IEnumerable<string> Unconsumed()
    {
        var turns = _script.Turns;
        for (var t = Math.Max(_turn, 0); t < turns.Count; t++)
        {
            for (var s = t == _turn ? _step : 0; s < turns[t].Steps.Count; s++)
            {
                var step = turns[t].Steps[s];
                var partly = t == _turn && s == _step && _answeredOfStep > 0 ? string.Create(CultureInfo.InvariantCulture, $" (answered {_answeredOfStep} of {step.Repeat})") : "";
                yield return $"{Where(t, s)}: {step.Describe()}{partly}";
            }
        }
    }

    private string Left(int turn, int step) =>
        "steps left: " + string.Join("; ", _script.Turns[turn].Steps.Skip(step).Select((left, i) => $"step {step + i + 1} {left.Describe()}"));

    private string Where(int turn, int step)
    {
        var scripted = _script.Turns[turn].Steps[step];
        var line = scripted.Line is { } at ? string.Create(CultureInfo.InvariantCulture, $", line {at}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"turn {turn + 1} ({_script.Turns[turn]}) step {step + 1}{line}");
    }

    private static Func<RecordedChatMessage, string> ToolName(RecordedModelRequest request) => result =>
        request.Messages.SelectMany(message => message.ToolCalls).FirstOrDefault(call => call.Id == result.ToolCallId)?.Name ?? $"unknown call {result.ToolCallId}";
}
