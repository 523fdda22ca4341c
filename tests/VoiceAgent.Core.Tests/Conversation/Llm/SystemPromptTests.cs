using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The system prompt carries the shop's facts, its local date and time, and the call so far; no private data.</summary>
public sealed class SystemPromptTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    [Theory]
    // The morning DST starts in Chicago (2 AM CST becomes 3 AM CDT): 08:30 UTC is 3:30 AM, not 2:30.
    [InlineData("2026-03-08T08:30:00Z", "Sunday, March 8, 2026, 3:30 AM", "2026-03-08 03:30")]
    // The morning DST ends (2 AM CDT becomes 1 AM CST): 08:30 UTC is 2:30 AM, not 3:30.
    [InlineData("2026-11-01T08:30:00Z", "Sunday, November 1, 2026, 2:30 AM", "2026-11-01 02:30")]
    // Late evening in Chicago is already tomorrow in UTC: the shop's weekday is still Tuesday.
    [InlineData("2026-12-02T05:30:00Z", "Tuesday, December 1, 2026, 11:30 PM", "2026-12-01 23:30")]
    [InlineData("2026-12-01T15:15:00Z", "Tuesday, December 1, 2026, 9:15 AM", "2026-12-01 09:15")]
    public void Build_CarriesTheShopsLocalDateWeekdayAndTime(string utc, string spoken, string iso)
    {
        var prompt = SystemPrompt.Build(Context(null, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), new DialogState());

        Assert.Contains(spoken, prompt, StringComparison.Ordinal);
        Assert.Contains(iso, prompt, StringComparison.Ordinal);
        Assert.Contains("America/Chicago", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StartsWithTheRules() =>
        Assert.StartsWith(SystemPrompt.Rules, SystemPrompt.Build(Context(John), new DialogState()), StringComparison.Ordinal);

    [Fact]
    public void Build_ListsEveryServiceWithItsPrice()
    {
        var prompt = SystemPrompt.Build(Context(John), new DialogState());

        Assert.Contains("- oil change, 30 min, $49.99", prompt, StringComparison.Ordinal);
        Assert.Contains("- tire rotation, 30 min, price on inspection", prompt, StringComparison.Ordinal);
        Assert.All(DemoTenant.Profile.Services, s => Assert.Contains($"- {s.Name}, {s.DurationMinutes} min, ", prompt, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NamesTheDepartmentsButNotTheirNumbers()
    {
        var prompt = SystemPrompt.Build(Context(John), new DialogState());

        Assert.All(DemoTenant.Profile.TransferTargets, t =>
        {
            Assert.Contains(t.Department, prompt, StringComparison.Ordinal);
            Assert.DoesNotContain(t.Target, prompt, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Build_CarriesTheHoursAddressClosedDatesAndEveryFaqAnswer()
    {
        var prompt = SystemPrompt.Build(Context(John), new DialogState());

        Assert.Contains(Core.Conversation.Offline.HoursSpeech.ForWeek(DemoTenant.Profile), prompt, StringComparison.Ordinal);
        Assert.Contains(DemoTenant.Profile.Address, prompt, StringComparison.Ordinal);
        Assert.Contains("Friday, December 25", prompt, StringComparison.Ordinal);
        Assert.All(DemoTenant.Profile.Faq, f => Assert.Contains(f.Answer, prompt, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_KnownCaller_NamesThemButNeverTheirPinOrPhone()
    {
        var prompt = SystemPrompt.Build(Context(John), new DialogState());

        Assert.Contains("The caller is John", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(John.Pin!, prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(John.PhoneNumber, prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(John.Id, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NewCallerWhoGaveTheirName_SaysSo()
    {
        var prompt = SystemPrompt.Build(Context(null), new DialogState { CallerName = "Ada Lovelace" });

        Assert.Contains("Ada Lovelace", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HiddenNumber_SaysTheCallerCannotBookByPhone()
    {
        var prompt = SystemPrompt.Build(Context(null, callerNumber: string.Empty), new DialogState());

        Assert.Contains("hidden", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TaskUnderWay_CarriesTheTaskServiceDayTimeAndProposedSlot()
    {
        var state = new DialogState
        {
            Task = DialogTask.Book,
            Service = "oil change",
            Date = new DateOnly(2026, 12, 2),
            Time = new TimeOnly(9, 0),
            Proposed = DemoTenant.Profile.Time.At(new DateOnly(2026, 12, 2), new TimeOnly(9, 0)),
        };

        var prompt = SystemPrompt.Build(Context(John), state);

        Assert.Contains("Working on: book, oil change, Wednesday, December 2nd at 9 AM.", prompt, StringComparison.Ordinal);
        Assert.Contains("Slot read back or found free: Wednesday, December 2nd at 9 AM.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoTask_SaysNothingOfOne()
    {
        var prompt = SystemPrompt.Build(Context(John), new DialogState());

        Assert.DoesNotContain("Working on", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Slot read back", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AppointmentInFocus_SaysWhatItRefersTo()
    {
        var state = new DialogState();
        state.Focus("20261203-ab12cd34", new DateOnly(2026, 12, 3), new TimeOnly(10, 0), "oil change");

        var prompt = SystemPrompt.Build(Context(John), state);

        Assert.Contains("oil change on Thursday, December 3rd at 10 AM", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("20261203-ab12cd34", prompt, StringComparison.Ordinal);
    }

    private static Core.Customers.Customer John => DemoTenant.Customers[0];

    private static ConversationContext Context(Core.Customers.Customer? caller, DateTimeOffset? now = null, string? callerNumber = null) =>
        new(DemoTenant.Profile, "CA" + new string('1', 32), callerNumber ?? caller?.PhoneNumber ?? "+15555550177", caller, now ?? Now);
}
