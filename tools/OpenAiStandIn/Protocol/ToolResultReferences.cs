using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>
/// Lets a scripted tool call use a value the app only makes during the call, as a real model copies it from a tool
/// result: <c>${tool.field}</c> in a call's arguments is replaced by <c>field</c> (its first occurrence, at any depth) of
/// the latest result of <c>tool</c> in the request's history, e.g. <c>"${book_appointment.appointmentId}"</c> to move the
/// appointment the call just booked, whose id derives from the call's sid. A reference with no such result is left as
/// written, so the tool answers it as the bad value it is (and the script's expectations say so).
/// </summary>
internal static partial class ToolResultReferences
{
    public static ScriptedToolCall Resolve(ScriptedToolCall call, RecordedModelRequest request)
    {
        if (!Reference().IsMatch(call.Arguments))
        {
            return call;
        }

        var resolved = Reference().Replace(call.Arguments, reference =>
            Latest(request, reference.Groups["tool"].Value, reference.Groups["field"].Value) is { } value
                ? JsonEncodedText.Encode(value).ToString()
                : reference.Value);
        return ScriptedToolCall.WithRawArguments(call.Name, resolved);
    }

    private static string? Latest(RecordedModelRequest request, string tool, string field)
    {
        var calls = request.Messages.SelectMany(message => message.ToolCalls).Where(c => c.Name == tool).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var result in request.Messages.Reverse().Where(m => m.Role == "tool" && m.ToolCallId is { } id && calls.Contains(id)))
        {
            try
            {
                using var json = JsonDocument.Parse(result.Content ?? "");
                if (Find(json.RootElement, field) is { } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
                // Not JSON (e.g. a plain-text result): nothing to take from it.
            }
        }

        return null;
    }

    private static string? Find(JsonElement element, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                    {
                        return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                    }
                }

                return element.EnumerateObject().Select(p => Find(p.Value, field)).FirstOrDefault(v => v is not null);
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(e => Find(e, field)).FirstOrDefault(v => v is not null);
            default:
                return null;
        }
    }

    [GeneratedRegex(@"\$\{(?<tool>[A-Za-z0-9_]+)\.(?<field>[A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
