using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Telephony;
using YamlDotNet.Core;

namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>What reading one profile file gave: the profile, or the problems that keep it out (never both).</summary>
public sealed record TenantProfileRead(TenantProfile? Profile, IReadOnlyList<TenantProfileProblem> Problems)
{
    public bool IsValid => Profile is not null;
}

/// <summary>
/// Reads a tenant profile file (YAML, schemas/tenant-profile.schema.json): first the schema, then the rules a schema cannot
/// say (a real IANA time zone, one opening range per day, closing after opening, one default department, possible phone
/// numbers), then the <see cref="TenantProfile"/> the app stores. Every problem names its field.
/// </summary>
public static class TenantProfileReader
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static TenantProfileRead ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Read(File.ReadAllText(path));
    }

    public static TenantProfileRead Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        JsonNode? node;
        try
        {
            node = YamlToJson.Convert(yaml);
        }
        catch (YamlException ex)
        {
            return Refused(new TenantProfileProblem("", $"not readable as YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}"));
        }

        if (node is not JsonObject)
        {
            return Refused(new TenantProfileProblem("", "a profile is a mapping of fields (id, name, numbers, time_zone, hours, services, ...)"));
        }

        var problems = TenantProfileSchema.Check(node);
        if (problems.Count > 0)
        {
            return new TenantProfileRead(null, problems);
        }

        var document = node.Deserialize<TenantProfileDocument>(Json)!;
        problems = Rules(document);
        return problems.Count > 0 ? new TenantProfileRead(null, problems) : new TenantProfileRead(Profile(document), []);
    }

    private static TenantProfileRead Refused(TenantProfileProblem problem) => new(null, [problem]);

    private static List<TenantProfileProblem> Rules(TenantProfileDocument d)
    {
        var problems = new List<TenantProfileProblem>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(d.TimeZone, out var zone) || !zone.HasIanaId)
        {
            problems.Add(new("time_zone", $"'{d.TimeZone}' is not an IANA time zone (e.g. America/Chicago, Europe/Berlin)"));
        }

        for (var i = 0; i < d.Numbers.Count; i++)
        {
            CheckNumber(problems, $"numbers[{i}]", d.Numbers[i], d.Region);
        }

        var dayOwner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < d.Hours.Count; i++)
        {
            var hours = d.Hours[i];
            foreach (var day in hours.Days)
            {
                if (!dayOwner.TryAdd(day, i))
                {
                    problems.Add(new($"hours[{i}].days", $"{day} is already open in hours[{dayOwner[day]}]: the ranges overlap; give each day one range"));
                }
            }

            if (Time(hours.Opens) >= Time(hours.Closes))
            {
                problems.Add(new($"hours[{i}]", $"opens {hours.Opens} is not before closes {hours.Closes}"));
            }
        }

        for (var i = 0; i < d.ClosedDates.Count; i++)
        {
            if (!DateOnly.TryParseExact(d.ClosedDates[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add(new($"closed_dates[{i}]", $"'{d.ClosedDates[i]}' is not a date (YYYY-MM-DD)"));
            }
        }

        var longestDay = d.Hours.Select(h => Time(h.Closes) - Time(h.Opens)).DefaultIfEmpty(TimeSpan.Zero).Max();
        var serviceNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Services.Count; i++)
        {
            var service = d.Services[i];
            if (!serviceNames.TryAdd(service.Name.Trim(), i))
            {
                problems.Add(new($"services[{i}].name", $"'{service.Name}' is already services[{serviceNames[service.Name.Trim()]}]"));
            }

            if ((d.Booking?.MustEndByClosing ?? true) && longestDay > TimeSpan.Zero && TimeSpan.FromMinutes(service.DurationMinutes) > longestDay)
            {
                problems.Add(new($"services[{i}].duration_minutes", $"{service.DurationMinutes} minutes does not fit in the longest opening day ({longestDay.TotalHours:0.#} h)"));
            }
        }

        var defaults = d.Departments.Select((department, i) => (department, i)).Where(x => x.department.Default).Select(x => x.i).ToList();
        foreach (var extra in defaults.Skip(1))
        {
            problems.Add(new($"departments[{extra}].default", $"only one department can be the default (departments[{defaults[0]}] is)"));
        }

        if (d.Reminders is { } reminders && Time(reminders.Window.Start) >= Time(reminders.Window.End))
        {
            problems.Add(new("reminders.window", $"start {reminders.Window.Start} is not before end {reminders.Window.End}"));
        }

        if (d.Sms?.From is { } from)
        {
            CheckNumber(problems, "sms.from", from, d.Region);
        }

        return problems;
    }

    private static void CheckNumber(List<TenantProfileProblem> problems, string field, string number, string region)
    {
        if (!PhoneNumber.TryParse(number, region, out var parsed) || parsed.E164 != number)
        {
            problems.Add(new(field, $"'{number}' is not a possible phone number in E.164"));
        }
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    private static TenantProfile Profile(TenantProfileDocument d)
    {
        var booking = d.Booking ?? new BookingDocument();
        var reminders = d.Reminders ?? new RemindersDocument();
        return new TenantProfile
        {
            Id = d.Id,
            Name = d.Name.Trim(),
            PhoneNumber = d.Numbers[0],
            AdditionalNumbers = [.. d.Numbers.Skip(1)],
            TimeZoneId = d.TimeZone,
            Region = d.Region,
            Address = d.Address?.Trim() ?? string.Empty,
            WeeklyHours =
            [
                .. d.Hours
                    .SelectMany(h => h.Days.Select(day => new OpeningHours(Enum.Parse<DayOfWeek>(day, ignoreCase: true), Time(h.Opens), Time(h.Closes))))
                    .OrderBy(h => ((int)h.Day + 6) % 7),
            ],
            ClosedDates = [.. d.ClosedDates.Select(date => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Order()],
            Booking = new BookingPolicy
            {
                SlotGridMinutes = booking.SlotMinutes,
                MinimumLeadTime = TimeSpan.FromMinutes(booking.LeadTimeMinutes),
                BookingHorizon = TimeSpan.FromDays(booking.HorizonDays),
                MustEndByClosing = booking.MustEndByClosing,
            },
            Services = [.. d.Services.Select(s => new ServiceOffering(s.Name.Trim(), s.DurationMinutes, s.Capacity, s.Price) { Synonyms = s.Synonyms })],
            TransferTargets = [.. d.Departments.Select(t => new TransferTarget(t.Name.Trim(), t.Number, t.Default) { Keywords = t.Keywords })],
            Faq = [.. d.Faq.Select(f => new FaqAnswer(f.Topic.Trim(), f.Answer.Trim()) { Keywords = f.Keywords })],
            Reminders = new ReminderPolicy(TimeSpan.FromHours(reminders.BeforeHours), Time(reminders.Window.Start), Time(reminders.Window.End))
            {
                MaxAttempts = reminders.MaxAttempts,
                RetryAfter = TimeSpan.FromMinutes(reminders.RetryAfterMinutes),
            },
            Transport = Enum.Parse<CallTransport>(d.Transport, ignoreCase: true),
            UseLanguageModel = d.LanguageModel,
            AsksForVehicle = d.AsksForVehicle,
            MaxCallMinutes = d.MaxCallMinutes,
            RetentionDays = d.RetentionDays,
            Staff = d.Staff,
            Voice = d.Voice is { } voice
                ? new TenantVoice { SayVoice = voice.SayVoice, SpanishSayVoice = voice.SpanishSayVoice, Language = voice.Language, SpeechVoice = voice.SpeechVoice }
                : TenantVoice.Deployment,
            GoogleCalendarId = d.GoogleCalendarId,
            Sms = d.Sms is { } sms
                ? new TenantSms { SendsConfirmations = sms.Confirmations, SendsReminderTexts = sms.ReminderTexts, FromNumber = sms.From }
                : TenantSms.Default,
        };
    }
}
