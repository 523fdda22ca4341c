using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Messaging;

/// <summary>The texts' wording, checked with the regexes the shared workflow scenarios expect (copied from their files).</summary>
public sealed class AppointmentTextsTests
{
    /// <summary>../shared/scenarios/workflows/11-text-after-booking.yaml.</summary>
    private const string BookedPattern = @"(?is)(?=.*northside)(?=.*oil change)(?=.*(dec(ember)?\.? ?0?2(nd)?\b|12/0?2\b|wed))(?=.*\b0?9(:00)? ?(am|a\.m\.))";

    /// <summary>../shared/scenarios/workflows/13-reminder-cancelled.yaml.</summary>
    private const string CancelledPattern = @"(?is)(?=.*\bcancell?ed\b)(?=.*(dec(ember)?\.? ?0?4(th)?\b|12/0?4\b|fri))";

    /// <summary>../shared/scenarios/workflows/15-reminder-unreached.yaml.</summary>
    private const string ReminderPattern = @"(?is)(?=.*brake inspection)(?=.*(thu|dec(ember)?\.? ?0?3(rd)?\b|12/0?3\b))";

    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);
    private readonly AppointmentTexts _texts = new();

    [Fact]
    public void Booked_OilChangeWednesdayNine_MatchesScenario11()
    {
        var text = _texts.Booked(DemoTenant.Profile, At("oil change", new DateTimeOffset(2026, 12, 2, 9, 0, 0, Cst)));

        Assert.Matches(BookedPattern, text);
        Assert.Equal("Northside Auto Care: your oil change is booked for Wed, Dec 2 at 9:00 AM. To change it, call us at (555) 555-0100. Reply STOP to opt out.", text);
    }

    [Fact]
    public void Cancelled_FridayEight_MatchesScenario13()
    {
        var text = _texts.Cancelled(DemoTenant.Profile, At("oil change", new DateTimeOffset(2026, 12, 4, 8, 0, 0, Cst)));

        Assert.Matches(CancelledPattern, text);
        Assert.Contains("Fri, Dec 4 at 8:00 AM", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_BrakeInspectionThursday_MatchesScenario15()
    {
        var text = _texts.Reminder(DemoTenant.Profile, At("brake inspection", new DateTimeOffset(2026, 12, 3, 14, 0, 0, Cst)));

        Assert.Matches(ReminderPattern, text);
        Assert.Contains("Thu, Dec 3 at 2:00 PM", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Booked_ScenarioPatterns_DoNotMatchTheOtherTexts()
    {
        // The patterns tell the texts apart: a booking text is not taken for a cancellation.
        var booked = _texts.Booked(DemoTenant.Profile, At("oil change", new DateTimeOffset(2026, 12, 4, 8, 0, 0, Cst)));

        Assert.DoesNotMatch(CancelledPattern, booked);
    }

    [Fact]
    public void Rescheduled_SaysTheNewAndTheOldTime()
    {
        var old = At("tire rotation", new DateTimeOffset(2026, 12, 2, 9, 0, 0, Cst));
        var moved = At("tire rotation", new DateTimeOffset(2026, 12, 3, 10, 30, 0, Cst));

        var text = _texts.Rescheduled(DemoTenant.Profile, moved, old);

        Assert.Matches(@"moved to Thu, Dec 3 at 10:30 AM \(was Wed, Dec 2 at 9:00 AM\)", text);
        Assert.Contains("tire rotation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Booked_AfterSpringForward_ReadsTheShopsDaylightTime()
    {
        // Monday 2027-03-15 08:00 CDT = 13:00Z.
        var text = _texts.Booked(DemoTenant.Profile, At("oil change", new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero)));

        Assert.Contains("Mon, Mar 15 at 8:00 AM", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NamesTheShopTheNumberAndTheKeywords()
    {
        var text = _texts.Help(DemoTenant.Profile);

        Assert.Matches("(?s)Northside Auto Care.*\\(555\\) 555-0100.*STOP.*START", text);
    }

    [Fact]
    public void EveryText_IsPlainAsciiAndFitsTwoSegments()
    {
        var a = At("state inspection", new DateTimeOffset(2026, 12, 4, 11, 0, 0, Cst));
        var texts = new[] { _texts.Booked(DemoTenant.Profile, a), _texts.Cancelled(DemoTenant.Profile, a), _texts.Reminder(DemoTenant.Profile, a), _texts.Rescheduled(DemoTenant.Profile, a, a), _texts.Help(DemoTenant.Profile) };

        Assert.All(texts, t =>
        {
            Assert.True(t.All(c => c is >= ' ' and <= '~'), t);
            Assert.InRange(t.Length, 1, 306);
        });
    }

    private static Appointment At(string service, DateTimeOffset start) => new()
    {
        Id = "20261202-abc",
        TenantId = DemoTenant.Id,
        CustomerId = "cust-john-smith",
        CustomerPhone = "+15555550101",
        Service = service,
        Start = start.ToUniversalTime(),
        End = start.AddMinutes(30).ToUniversalTime(),
    };
}
