using System.Globalization;
using System.Text.RegularExpressions;
using VoiceAgent.Core.Telephony;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// Reads scenario YAML files (shared/scenarios/README.md) into <see cref="Scenario"/>s. Every problem is a
/// <see cref="ScenarioFileException"/> naming the file (and the line, for YAML errors).
/// </summary>
public static partial class ScenarioLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Files as given, folders expanded to their <c>*.yaml</c>/<c>*.yml</c> files in name order.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            var found = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
                : [];
            files.AddRange(found.Count > 0 ? found : [path]); // a missing file or an empty folder fails on load, by name
        }

        return files;
    }

    public static async Task<Scenario> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioFileException($"{path}: the folder holds no .yaml scenario files.");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFileException($"{path}: cannot read the file ({ex.Message}).", ex);
        }

        return Parse(text, path);
    }

    public static Scenario Parse(string yaml, string sourcePath)
    {
        ScenarioYaml? raw;
        try
        {
            raw = Deserializer.Deserialize<ScenarioYaml?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ScenarioFileException($"{sourcePath}:{ex.Start.Line}:{ex.Start.Column}: not a valid scenario: {Explain(ex)}", ex);
        }

        if (raw is null)
        {
            throw new ScenarioFileException($"{sourcePath}: the file is empty.");
        }

        var errors = new List<string>();
        var scenario = new Scenario
        {
            Name = Required(raw.Name, "name", errors),
            SourcePath = sourcePath,
            Now = Time(raw.Now, "now", errors),
            From = CallerId(raw.From, errors) ?? string.Empty,
            Given = (raw.Given ?? []).Select((g, i) => new GivenAppointment(
                Phone(g?.Customer, $"given[{i}].customer", errors) ?? string.Empty,
                Required(g?.Service, $"given[{i}].service", errors),
                Time(g?.Start, $"given[{i}].start", errors))).ToList(),
            Caller = (raw.Caller ?? []).Select(line => line ?? string.Empty).ToList(),
            Expect = new ScenarioExpectation
            {
                Booked = (raw.Expect?.Booked ?? []).Select((b, i) => new ExpectedBooking(
                    Required(b?.Service, $"expect.booked[{i}].service", errors),
                    Time(b?.Start, $"expect.booked[{i}].start", errors))).ToList(),
                Cancelled = (raw.Expect?.Cancelled ?? []).Select((c, i) => Time(c, $"expect.cancelled[{i}]", errors)).ToList(),
                TransferredTo = raw.Expect?.TransferredTo is null ? null : Phone(raw.Expect.TransferredTo, "expect.transferred_to", errors),
                Said = (raw.Expect?.Said ?? []).Select((s, i) => Pattern(s, $"expect.said[{i}]", errors)).ToList(),
            },
        };

        return errors.Count == 0 ? scenario : throw new ScenarioFileException($"{sourcePath}: {string.Join("; ", errors)}.");
    }

    private static string Explain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"unknown key '{unknown.Groups[1].Value}' (scenario keys: name, now, from, given, caller, expect; " +
                "under expect: booked, cancelled, transferred_to, said; in given/booked entries: customer, service, start)";
        }

        return message.StartsWith("No node deserializer", StringComparison.Ordinal)
            ? "this value has the wrong shape (a list or map where text belongs, or text where a list belongs)"
            : message;
    }

    private static string Required(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"'{key}' is required");
            return string.Empty;
        }

        return value.Trim();
    }

    private static DateTimeOffset Time(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Required(value, key, errors)))
        {
            return default;
        }

        if (!ExplicitOffset().IsMatch(value!.Trim())
            || !DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add($"'{key}' must be an ISO 8601 time with an offset, like \"2026-12-01T09:15:00-06:00\", not \"{value}\"");
            return default;
        }

        return time;
    }

    /// <summary>The caller id: a phone number, or a withheld id as Twilio sends it (<c>anonymous</c>, <c>restricted</c>, <c>unknown</c>).</summary>
    private static string? CallerId(string? value, List<string> errors) =>
        value?.Trim().ToLowerInvariant() is "anonymous" or "restricted" or "unknown" ? value.Trim() : Phone(value, "from", errors);

    private static string? Phone(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Required(value, key, errors)))
        {
            return null;
        }

        if (!PhoneNumber.TryParse(value, "US", out var number))
        {
            errors.Add($"'{key}' is not a phone number: \"{value}\"");
            return null;
        }

        return number.E164;
    }

    private static Regex Pattern(string? value, string key, List<string> errors)
    {
        try
        {
            return new Regex(Required(value, key, errors), RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            errors.Add($"'{key}' is not a valid regular expression: {ex.Message}");
            return new Regex("(?!)");
        }
    }

    [GeneratedRegex("^Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ExplicitOffset();
}
