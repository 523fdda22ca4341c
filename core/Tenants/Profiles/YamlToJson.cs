using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>
/// Reads a YAML document into JSON (YAML 1.2 core schema): plain scalars that read as null, booleans or numbers become
/// those, everything quoted stays text. A repeated key is refused by the YAML
/// parser itself ("Duplicate key"), never silently won by the last one.
/// </summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Node(stream.Documents[0].RootNode, path: "");
    }

    private static JsonNode? Node(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping, path),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select((child, i) => Node(child, $"{path}[{i}]"))]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException(node.Start, node.End, $"{Shown(path)}: unsupported YAML node"),
    };

    private static JsonObject Mapping(YamlMappingNode mapping, string path)
    {
        var json = new JsonObject();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw new YamlException(keyNode.Start, keyNode.End, $"{Shown(path)}: a key must be plain text");
            var field = path.Length == 0 ? key : $"{path}.{key}";
            json[key] = Node(value, field);
        }

        return json;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (Decimal().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private static string Shown(string path) => path.Length == 0 ? "the document" : path;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
