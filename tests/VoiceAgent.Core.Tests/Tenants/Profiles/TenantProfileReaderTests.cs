using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tenants.Profiles;
using VoiceAgent.LocalStack;

namespace VoiceAgent.Core.Tests.Tenants.Profiles;

/// <summary>Profile files read as the operator writes them: the demo tenant's, the refused examples, and the defaults.</summary>
public sealed class TenantProfileReaderTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Demo = File.ReadAllText(Path.Combine(Root, "tenants", "northside-auto.yaml"));

    [Fact]
    public void DemoProfile_IsTheScenarioReadmesShop()
    {
        var demo = DemoTenant.Profile;

        Assert.Equal(("northside-auto", "Northside Auto Care", "+15555550100", "America/Chicago"), (demo.Id, demo.Name, demo.PhoneNumber, demo.TimeZoneId));
        Assert.Equal(
            ["Monday 08:00-17:00", "Tuesday 08:00-17:00", "Wednesday 08:00-17:00", "Thursday 08:00-17:00", "Friday 08:00-17:00", "Saturday 09:00-13:00"],
            demo.WeeklyHours.Select(h => $"{h.Day} {h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}"));
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)], demo.ClosedDates);
        Assert.Equal(
            ["oil change 30x2 49.99", "tire rotation 30x2 ", "brake inspection 60x1 ", "state inspection 45x1 ", "diagnostic 60x1 "],
            demo.Services.Select(s => $"{s.Name} {s.DurationMinutes}x{s.Capacity} {s.Price}"));
        Assert.Equal(("service desk", "+15555550199"), (demo.DefaultTransferTarget!.Department, demo.DefaultTransferTarget.Target));
        Assert.Equal("+15555550198", demo.TransferTargets.Single(t => t.Department == "parts").Target);
        Assert.Equal((30, TimeSpan.FromHours(1), TimeSpan.FromDays(60), true), (demo.Booking.SlotGridMinutes, demo.Booking.MinimumLeadTime, demo.Booking.BookingHorizon, demo.Booking.MustEndByClosing));
        Assert.Equal(new ReminderPolicy(TimeSpan.FromHours(24), new TimeOnly(9, 0), new TimeOnly(19, 0)), demo.Reminders);
        Assert.True(demo.AsksForVehicle);
        Assert.Contains(demo.Faq, f => f.Answer.Contains("1200 North Ave, Springfield", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown-time-zone.yaml", "time_zone", "not an IANA time zone")]
    [InlineData("overlapping-hours.yaml", "hours[1].days", "overlap")]
    [InlineData("zero-capacity.yaml", "services[2].capacity", "at least 1")]
    [InlineData("number-not-e164.yaml", "numbers[0]", "not an E.164 number")]
    public void InvalidExample_IsRefused_NamingTheField(string file, string field, string says)
    {
        var read = TenantProfileReader.ReadFile(Path.Combine(Root, "tests", "tenants", "invalid", file));

        Assert.Null(read.Profile);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("departments:\n  - { name: a, number: \"+15555550199\", default: true }\n  - { name: b, number: \"+15555550198\", default: true }", "departments[1].default", "only one department")]
    [InlineData("reminders: { window: { start: \"19:00\", end: \"09:00\" } }", "reminders.window", "not before end")]
    [InlineData("closed_dates: [\"2026-02-30\"]", "closed_dates[0]", "not a date")]
    [InlineData("colour: blue", "colour", "not a profile field")]
    [InlineData("transport: fax", "transport", "not one of gather, relay, stream")]
    [InlineData("retention_days: 0", "retention_days", "at least 1")]
    [InlineData("sms: { from: \"+1\" }", "sms.from", "not an E.164 number")]
    [InlineData("booking: { slot_minutes: thirty }", "booking.slot_minutes", "not a whole number")]
    public void BadField_IsRefused_NamingIt(string yaml, string field, string says)
    {
        var read = TenantProfileReader.Read(Minimal + yaml + "\n");

        Assert.Null(read.Profile);
        Assert.Contains(read.Problems, p => p.Field == field && p.Message.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void ClosingBeforeOpening_IsRefused()
    {
        var read = TenantProfileReader.Read(Minimal.Replace("opens: \"09:00\", closes: \"17:00\"", "opens: \"17:00\", closes: \"08:00\"", StringComparison.Ordinal));

        Assert.Contains(read.Problems, p => p.Field == "hours[0]" && p.Message == "opens 17:00 is not before closes 08:00");
    }

    [Fact]
    public void MissingRequiredFields_AreEachNamed()
    {
        var read = TenantProfileReader.Read("id: x-shop\nname: X\n");

        Assert.Equal(["hours", "numbers", "services", "time_zone"], read.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(read.Problems, p => Assert.Equal("is required", p.Message));
    }

    [Fact]
    public void RepeatedKey_IsRefused_NotWonByTheLastOne()
    {
        var read = TenantProfileReader.Read(Minimal + "retention_days: 30\nretention_days: 60\n");

        Assert.EndsWith("Duplicate key retention_days", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotYaml_IsRefused_WithItsLine()
    {
        var read = TenantProfileReader.Read("id: [unclosed\n");

        Assert.StartsWith("not readable as YAML at line", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimalProfile_TakesTheDocumentedDefaults()
    {
        var profile = TenantProfileReader.Read(Minimal).Profile!;

        Assert.Equal("US", profile.Region);
        Assert.Equal(CallTransport.Gather, profile.Transport);
        Assert.Equal(BookingPolicy.Default, profile.Booking);
        Assert.Equal(ReminderPolicy.Default, profile.Reminders);
        Assert.True(profile.UseLanguageModel);
        Assert.False(profile.AsksForVehicle);
        Assert.Equal((20, 90), (profile.MaxCallMinutes, profile.RetentionDays));
        Assert.Empty(profile.AdditionalNumbers);
        Assert.Empty(profile.Staff);
        Assert.Equal(TenantSms.Default, profile.Sms);
        Assert.Null(profile.GoogleCalendarId);
    }

    [Fact]
    public void SecondShop_ReadsItsOwnZoneHoursServicesAndNumbers()
    {
        var profile = TenantProfileReader.ReadFile(Path.Combine(Root, "tests", "tenants", "lakeside-tire.yaml")).Profile!;

        Assert.Equal(["+15555550300", "+15555550301"], profile.Numbers);
        Assert.Equal("America/New_York", profile.TimeZoneId);
        Assert.Null(profile.HoursOn(DayOfWeek.Monday));
        Assert.Equal(new OpeningHours(DayOfWeek.Tuesday, new(7, 30), new(15, 30)), profile.HoursOn(DayOfWeek.Tuesday));
        Assert.Equal((2, TimeSpan.FromMinutes(60)), (profile.Reminders.MaxAttempts, profile.Reminders.RetryAfter));
        Assert.Equal(["lakeside-manager"], profile.Staff);
        Assert.Equal(new TenantSms { SendsConfirmations = true, SendsReminderTexts = false }, profile.Sms);
    }

    [Fact]
    public void VoiceCalendarAndTexts_AreReadIntoTheShopsSettings()
    {
        var profile = TenantProfileReader.Read(Minimal + """
            voice: { say_voice: Polly.Matthew-Neural, language: en-GB, speech_voice: en-GB-RyanNeural }
            google_calendar_id: shop@group.calendar.google.com
            sms: { confirmations: false, from: "+15555550401" }

            """).Profile!;

        Assert.Equal(new TenantVoice { SayVoice = "Polly.Matthew-Neural", Language = "en-GB", SpeechVoice = "en-GB-RyanNeural" }, profile.Voice);
        Assert.Equal("shop@group.calendar.google.com", profile.GoogleCalendarId);
        Assert.Equal(new TenantSms { SendsConfirmations = false, SendsReminderTexts = true, FromNumber = "+15555550401" }, profile.Sms);
        Assert.Equal(TenantVoice.Deployment, TenantProfileReader.Read(Minimal).Profile!.Voice);
    }

    [Fact]
    public void Folder_TwoProfilesClaimingOneNumber_RefusesTheLaterNamingTheEarlier()
    {
        var folder = Directory.CreateTempSubdirectory("profiles-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a-shop.yaml"), Demo);
            File.WriteAllText(Path.Combine(folder.FullName, "b-shop.yaml"), Demo.Replace("id: northside-auto", "id: other-shop", StringComparison.Ordinal));

            var files = TenantProfileFiles.Read(folder.FullName);

            Assert.True(files[0].Read.IsValid);
            var problem = Assert.Single(files[1].Read.Problems);
            Assert.Equal("numbers[0]", problem.Field);
            Assert.Contains("also claimed by a-shop.yaml", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string Minimal = """
        id: tiny-shop
        name: Tiny Shop
        numbers: ["+15555550400"]
        time_zone: America/Denver
        hours:
          - { days: [monday], opens: "09:00", closes: "17:00" }
        services:
          - { name: oil change, duration_minutes: 30, capacity: 1 }

        """;
}
