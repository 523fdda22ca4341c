namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>
/// A tenant profile file as written (tenants/*.yaml, schemas/tenant-profile.schema.json), read after the schema passed it:
/// snake_case fields, times as text. <see cref="TenantProfileReader"/> turns it into a <see cref="TenantProfile"/>.
/// </summary>
internal sealed record TenantProfileDocument
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public List<string> Numbers { get; init; } = [];
    public string Region { get; init; } = "US";
    public string TimeZone { get; init; } = "";
    public string? Address { get; init; }
    public List<HoursDocument> Hours { get; init; } = [];
    public List<string> ClosedDates { get; init; } = [];
    public BookingDocument? Booking { get; init; }
    public List<ServiceDocument> Services { get; init; } = [];
    public List<DepartmentDocument> Departments { get; init; } = [];
    public List<FaqDocument> Faq { get; init; } = [];
    public RemindersDocument? Reminders { get; init; }
    public string Transport { get; init; } = "gather";
    public VoiceDocument? Voice { get; init; }
    public string? GoogleCalendarId { get; init; }
    public SmsDocument? Sms { get; init; }
    public bool LanguageModel { get; init; } = true;
    public bool AsksForVehicle { get; init; }
    public int MaxCallMinutes { get; init; } = 20;
    public int RetentionDays { get; init; } = 90;
    public List<string> Staff { get; init; } = [];
}

internal sealed record HoursDocument(List<string> Days, string Opens, string Closes);

internal sealed record BookingDocument
{
    public int SlotMinutes { get; init; } = 30;
    public int LeadTimeMinutes { get; init; } = 60;
    public int HorizonDays { get; init; } = 60;
    public bool MustEndByClosing { get; init; } = true;
}

internal sealed record ServiceDocument(string Name, int DurationMinutes, int Capacity, decimal? Price)
{
    public List<string> Synonyms { get; init; } = [];
}

internal sealed record DepartmentDocument(string Name, string Number, bool Default)
{
    public List<string> Keywords { get; init; } = [];
}

internal sealed record FaqDocument(string Topic, string Answer)
{
    public List<string> Keywords { get; init; } = [];
}

internal sealed record RemindersDocument
{
    public double BeforeHours { get; init; } = 24;
    public WindowDocument Window { get; init; } = new("09:00", "19:00");
    public int MaxAttempts { get; init; } = 3;
    public int RetryAfterMinutes { get; init; } = 120;
}

internal sealed record WindowDocument(string Start, string End);

internal sealed record VoiceDocument(string? SayVoice, string? SpanishSayVoice, string? Language, string? SpeechVoice);

internal sealed record SmsDocument
{
    public bool Confirmations { get; init; } = true;
    public bool ReminderTexts { get; init; } = true;
    public string? From { get; init; }
}
