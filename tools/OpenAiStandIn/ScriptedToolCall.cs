using System.Text.Encodings.Web;
using System.Text.Json;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// One tool call a scripted step makes the model return: the function's name and its arguments exactly as they go on
/// the wire (a JSON string). <see cref="Raw"/> marks arguments given verbatim, e.g. malformed JSON for the tests that
/// check how the app survives a model that writes broken arguments.
/// </summary>
public sealed record ScriptedToolCall
{
    // Names as written (no naming policy) and characters as a model writes them (no \u escapes for + or accents).
    private static readonly JsonSerializerOptions ArgumentsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ScriptedToolCall(string name, string arguments, bool raw)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Arguments = arguments;
        Raw = raw;
    }

    public string Name { get; }

    /// <summary>The <c>function.arguments</c> string sent to the client.</summary>
    public string Arguments { get; }

    /// <summary>True when <see cref="Arguments"/> was given verbatim rather than serialised from a map.</summary>
    public bool Raw { get; }

    /// <summary>A call whose arguments are <paramref name="arguments"/> serialised to JSON (an anonymous object, a dictionary, a JsonNode); null is <c>{}</c>.</summary>
    public static ScriptedToolCall WithArguments(string name, object? arguments) =>
        new(name, arguments is null ? "{}" : JsonSerializer.Serialize(arguments, arguments.GetType(), ArgumentsJson), raw: false);

    /// <summary>A call whose arguments string is <paramref name="rawArguments"/> exactly, valid JSON or not.</summary>
    public static ScriptedToolCall WithRawArguments(string name, string rawArguments)
    {
        ArgumentNullException.ThrowIfNull(rawArguments);
        return new(name, rawArguments, raw: true);
    }

    public override string ToString() => $"{Name}({Arguments})";
}
