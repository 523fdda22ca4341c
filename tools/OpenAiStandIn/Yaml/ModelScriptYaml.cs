using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceAgent.OpenAiStandIn.Yaml;

/// <summary>
/// Reads a model script's YAML (format in the README) into a <see cref="ModelScript"/>, strictly: an unknown key, a
/// wrong type or a bad pattern is a <see cref="FormatException"/> naming the file and line, so a typo in a script fails
/// loudly instead of playing something else.
/// </summary>
internal sealed class ModelScriptYaml
{
    private static readonly string[] RootKeys = ["scenario", "fallback", "turns"];
    private static readonly string[] TurnKeys = ["caller", "steps"];
    private static readonly string[] StepKeys = ["say", "tool_calls", "expect_tool_result", "expect_system", "first_token_delay_ms", "fault", "repeat"];
    private static readonly string[] ToolCallKeys = ["name", "arguments", "raw_arguments"];
    private static readonly string[] FaultKeys = ["status", "retry_after"];

    private readonly string _source;

    private ModelScriptYaml(string source) => _source = source;

    public static ModelScript Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new ModelScriptYaml(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}:{e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            throw new FormatException($"{source}: the script is empty");
        }

        return reader.Script(stream.Documents[0].RootNode);
    }

    private ModelScript Script(YamlNode node)
    {
        var root = Mapping(node, "the script", RootKeys);
        var turns = Optional(root, "turns") is { } list ? Sequence(list, "turns").Select(Turn).ToArray() : [];
        var scenario = Optional(root, "scenario") is { } name ? Text(name, "scenario") : null;
        var fallbackExpected = Optional(root, "fallback") is { } fallback
            && (Text(fallback, "fallback") == "expected" ? true : throw Error(fallback, "fallback is written as 'fallback: expected' (the offline engine is meant to take over), or not at all"));
        try
        {
            return new ModelScript(turns, scenario, _source) { FallbackExpected = fallbackExpected };
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal), e);
        }
    }

    private ScriptTurn Turn(YamlNode node)
    {
        var turn = Mapping(node, "a turn", TurnKeys);
        var steps = Optional(turn, "steps") is { } list ? Sequence(list, "steps").Select(Step).ToArray() : [];
        if (steps.Length == 0)
        {
            throw Error(node, "a turn needs steps (one per model request)");
        }

        return new ScriptTurn { Caller = Optional(turn, "caller") is { } caller ? Pattern(caller) : null, Steps = steps, Line = Line(node) };
    }

    private ScriptStep Step(YamlNode node)
    {
        var step = Mapping(node, "a step", StepKeys);
        var (repeat, forever) = Optional(step, "repeat") is { } times ? Repeat(times) : (1, false);
        var parsed = new ScriptStep
        {
            Say = Optional(step, "say") is { } say ? Text(say, "say") : null,
            ToolCalls = Optional(step, "tool_calls") is { } calls ? Sequence(calls, "tool_calls").Select(ToolCall).ToArray() : [],
            ExpectToolResults = Optional(step, "expect_tool_result") is { } results ? ToolResultPatterns(results) : new Dictionary<string, Regex>(StringComparer.Ordinal),
            ExpectSystem = Optional(step, "expect_system") is { } system ? Pattern(system) : null,
            FirstTokenDelay = Optional(step, "first_token_delay_ms") is { } delay ? TimeSpan.FromMilliseconds(Number(delay, "first_token_delay_ms")) : TimeSpan.Zero,
            Fault = Optional(step, "fault") is { } fault ? Fault(fault) : null,
            Repeat = repeat,
            RepeatForever = forever,
            Line = Line(node),
        };
        return parsed.Invalid() is { } invalid ? throw Error(node, invalid) : parsed;
    }

    private ScriptedToolCall ToolCall(YamlNode node)
    {
        var call = Mapping(node, "a tool call", ToolCallKeys);
        var name = Optional(call, "name") is { } named ? Text(named, "name") : throw Error(node, "a tool call needs a name");
        return (Optional(call, "arguments"), Optional(call, "raw_arguments")) switch
        {
            ({ }, { }) => throw Error(node, "a tool call has arguments or raw_arguments, not both"),
            (null, { } raw) => ScriptedToolCall.WithRawArguments(name, Text(raw, "raw_arguments")),
            ({ } arguments, null) => ScriptedToolCall.WithArguments(name, arguments is YamlMappingNode ? YamlJson.ToJson(arguments) : throw Error(arguments, "arguments must be a map (use raw_arguments for a string sent verbatim)")),
            (null, null) => ScriptedToolCall.WithArguments(name, null),
        };
    }

    private Dictionary<string, Regex> ToolResultPatterns(YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(node, "expect_tool_result must be a map of tool name to pattern");
        return map.Children.ToDictionary(entry => Text(entry.Key, "a tool name"), entry => Pattern(entry.Value), StringComparer.Ordinal);
    }

    private ScriptFault Fault(YamlNode node)
    {
        if (node is YamlScalarNode { Value: "hang" })
        {
            return ScriptFault.Hang;
        }

        var fault = node is YamlMappingNode ? Mapping(node, "a fault", FaultKeys) : throw Error(node, "fault is hang or {status: 429, retry_after: 2} / {status: 500}");
        var status = Optional(fault, "status") is { } code ? (int)Number(code, "status") : throw Error(node, "a fault needs a status");
        var retryAfter = Optional(fault, "retry_after") is { } seconds ? TimeSpan.FromSeconds(Number(seconds, "retry_after")) : (TimeSpan?)null;
        try
        {
            return ScriptFault.Http(status, retryAfter);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Error(node, $"fault status must be 400-599 and retry_after not negative ({e.ParamName})");
        }
    }

    private (int Times, bool Forever) Repeat(YamlNode node) => node is YamlScalarNode { Value: "all" }
        ? (1, true)
        : ((int)Number(node, "repeat (a count or all)"), false);

    private Regex Pattern(YamlNode node)
    {
        var pattern = Text(node, "a pattern");
        try
        {
            return Patterns.Create(pattern);
        }
        catch (ArgumentException e)
        {
            throw Error(node, $"bad pattern /{pattern}/: {e.Message}");
        }
    }

    private YamlMappingNode Mapping(YamlNode node, string what, string[] keys)
    {
        var map = node as YamlMappingNode ?? throw Error(node, $"{what} must be a map");
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key '{key}' in {what} (expected {string.Join(", ", keys)})");
            }
        }

        return map;
    }

    private static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is not YamlScalarNode { Value: null or "" or "~", Style: ScalarStyle.Plain } ? value : null;

    private IEnumerable<YamlNode> Sequence(YamlNode node, string what) => node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    private string Text(YamlNode node, string what) => node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"{what} must be text");

    private double Number(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw Error(node, $"{what} must be a number, not '{node}'");

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private FormatException Error(YamlNode node, string message) => new($"{_source}:{node.Start.Line}: {message}");
}
