using System.Globalization;
using System.Text.RegularExpressions;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tenants.Profiles;
using VoiceAgent.TwilioApiStandIn.Voice;
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
        var now = Time(raw.Now, "now", errors);
        var scenario = new Scenario
        {
            Name = Required(raw.Name, "name", errors),
            SourcePath = sourcePath,
            Tenant = Tenant(raw.Tenant, sourcePath, errors),
            Now = now,
            From = CallerId(raw.From, errors) ?? string.Empty,
            Given = (raw.Given ?? []).Select((g, i) => new GivenAppointment(
                Phone(g?.Customer, $"given[{i}].customer", errors) ?? string.Empty,
                Required(g?.Service, $"given[{i}].service", errors),
                Time(g?.Start, $"given[{i}].start", errors))).ToList(),
            Caller = CallerLines(raw.Caller, sourcePath, errors),
            Then = Steps(raw.Then, now, errors),
            Expect = Expectation(raw.Expect, errors),
        };

        if (!scenario.HasInboundCall && scenario.Expect.TransferredTo is not null)
        {
            errors.Add("'expect.transferred_to' needs an inbound call, and the scenario has no 'caller'");
        }

        return errors.Count == 0 ? scenario : throw new ScenarioFileException($"{sourcePath}: {string.Join("; ", errors)}.");
    }

    /// <summary>
    /// The caller's lines: text (empty for silence), or a map: <c>say</c> (the words), <c>interrupt_after</c> (seconds
    /// into the agent's reply the caller starts speaking over it) and <c>audio</c> (a WAV file, relative to the scenario,
    /// played as the caller's voice on a Media Stream).
    /// </summary>
    private static List<CallerUtterance>? CallerLines(List<object?>? lines, string sourcePath, List<string> errors)
    {
        if (lines is null)
        {
            return null;
        }

        var result = new List<CallerUtterance>();
        for (var i = 0; i < lines.Count; i++)
        {
            var key = $"caller[{i}]";
            switch (lines[i])
            {
                case null:
                    result.Add(CallerUtterance.Silence);
                    break;
                case string text:
                    result.Add(CallerUtterance.FromLine(text));
                    break;
                case IDictionary<object, object?> map:
                    result.Add(CallerLine(map, key, sourcePath, errors));
                    break;
                default:
                    errors.Add($"'{key}' is a line of text, or a map of say, interrupt_after and audio");
                    break;
            }
        }

        return result;
    }

    private static CallerUtterance CallerLine(IDictionary<object, object?> map, string key, string sourcePath, List<string> errors)
    {
        string? say = null, interruptAfter = null, audio = null;
        foreach (var (name, value) in map)
        {
            var text = value as string;
            switch (name as string)
            {
                case "say":
                    say = text;
                    break;
                case "interrupt_after":
                    interruptAfter = text;
                    break;
                case "audio":
                    audio = text;
                    break;
                default:
                    errors.Add($"'{key}' has an unknown key '{name}' (a caller line's keys: say, interrupt_after, audio)");
                    continue;
            }

            if (text is null)
            {
                errors.Add($"'{key}.{name}' must be a single value, not a list or a map");
            }
        }

        var line = CallerUtterance.FromLine(Required(say, $"{key}.say", errors));
        if (interruptAfter is not null)
        {
            if (double.TryParse(interruptAfter, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 60)
            {
                line = line with { InterruptsAfter = TimeSpan.FromSeconds(seconds) };
            }
            else
            {
                errors.Add($"'{key}.interrupt_after' is the seconds into the agent's reply the caller cuts in, more than 0 and at most 60, not \"{interruptAfter}\"");
            }
        }

        if (audio is not null)
        {
            var path = Path.GetFullPath(audio, Path.GetDirectoryName(Path.GetFullPath(sourcePath))!);
            if (File.Exists(path))
            {
                line = line with { AudioFile = path };
            }
            else
            {
                errors.Add($"'{key}.audio' names a file that does not exist: {path}");
            }
        }

        return line;
    }

    private static ScenarioExpectation Expectation(ExpectYaml? expect, List<string> errors) => new()
    {
        Booked = (expect?.Booked ?? []).Select((b, i) => new ExpectedBooking(
            Required(b?.Service, $"expect.booked[{i}].service", errors),
            Time(b?.Start, $"expect.booked[{i}].start", errors))).ToList(),
        Cancelled = (expect?.Cancelled ?? []).Select((c, i) => Time(c, $"expect.cancelled[{i}]", errors)).ToList(),
        TransferredTo = expect?.TransferredTo is null ? null : Phone(expect.TransferredTo, "expect.transferred_to", errors),
        Said = (expect?.Said ?? []).Select((s, i) => Pattern(s, $"expect.said[{i}]", errors)).ToList(),
        Texts = expect?.Texts?.Select((t, i) => Pattern(t, $"expect.texts[{i}]", errors)).ToList(),
        CallsToCaller = expect?.CallsToCaller is { } calls ? Count(calls, "expect.calls_to_caller", errors) : null,
        Reminder = expect?.Reminder is { } reminder ? Reminder(reminder, errors) : null,
    };

    /// <summary>The <c>then:</c> steps; each is exactly one of <c>clock</c> or <c>answer</c>, and the clock only moves forward.</summary>
    private static List<ScenarioStep> Steps(List<StepYaml?>? steps, DateTimeOffset now, List<string> errors)
    {
        var result = new List<ScenarioStep>();
        var clock = now;
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            var step = steps![i];
            var key = $"then[{i}]";
            switch (step)
            {
                case { Clock: { } to, Answer: null }:
                    var instant = Time(to, $"{key}.clock", errors);
                    if (instant != default && instant <= clock)
                    {
                        errors.Add($"'{key}.clock' must be later than {(i == 0 || clock == now ? "'now'" : "the clock step before it")}: time only moves forward");
                    }

                    clock = instant > clock ? instant : clock;
                    result.Add(new ClockStep(instant));
                    break;
                case { Clock: null, Answer: { } answer }:
                    result.Add(Answer(answer, key, errors));
                    break;
                default:
                    errors.Add($"'{key}' must be one 'clock: INSTANT' or one 'answer: {{by, caller}}'");
                    break;
            }
        }

        return result;
    }

    private static AnswerStep Answer(AnswerYaml answer, string key, List<string> errors)
    {
        var by = Required(answer.By, $"{key}.answer.by", errors).ToLowerInvariant();
        PhonePickup? pickup = by switch
        {
            "person" => PhonePickup.Person,
            "machine" => PhonePickup.Machine,
            "nobody" => PhonePickup.Nobody,
            "busy" => PhonePickup.Busy,
            _ => null,
        };
        if (pickup is null && by.Length > 0)
        {
            errors.Add($"'{key}.answer.by' is person, machine, nobody or busy, not \"{answer.By}\"");
        }

        if (answer.Caller is not null && pickup is not (null or PhonePickup.Person))
        {
            errors.Add($"'{key}.answer.caller' is what a person says: it needs 'by: person'");
        }

        return new AnswerStep(pickup ?? PhonePickup.Nobody, (answer.Caller ?? []).Select(line => line ?? string.Empty).ToList());
    }

    private static int? Count(string value, string key, List<string> errors)
    {
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        errors.Add($"'{key}' must be a whole number of calls, not \"{value}\"");
        return null;
    }

    private static ExpectedReminder? Reminder(string value, List<string> errors)
    {
        if (Enum.TryParse<ExpectedReminder>(value.Trim(), ignoreCase: true, out var reminder) && Enum.IsDefined(reminder) && !value.Contains(',', StringComparison.Ordinal) && !int.TryParse(value, out _))
        {
            return reminder;
        }

        errors.Add($"'expect.reminder' is confirmed, cancelled, rescheduled, voicemail, unreached or none, not \"{value}\"");
        return null;
    }

    private static string Explain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"unknown key '{unknown.Groups[1].Value}' (scenario keys: name, now, from, tenant, given, caller, then, expect; " +
                "under expect: booked, cancelled, transferred_to, said, texts, calls_to_caller, reminder; in given/booked entries: customer, service, start; " +
                "in a caller line written as a map: say, interrupt_after, audio; in then steps: clock, answer; under answer: by, caller)";
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

    /// <summary>
    /// The shop of <c>tenant:</c>: a profile file (tenants/*.yaml format) relative to the scenario, read and checked as
    /// <c>tools/tenant validate</c> does; without the key, the demo tenant.
    /// </summary>
    private static TenantProfile Tenant(string? value, string sourcePath, List<string> errors)
    {
        if (value is null)
        {
            return DemoTenant.Profile;
        }

        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".", value.Trim());
        if (!File.Exists(path))
        {
            errors.Add($"'tenant': no profile file at {value.Trim()} (relative to the scenario)");
            return DemoTenant.Profile;
        }

        var read = TenantProfileReader.ReadFile(path);
        errors.AddRange(read.Problems.Select(p => $"'tenant' {value.Trim()}: {p}"));
        return read.Profile ?? DemoTenant.Profile;
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
