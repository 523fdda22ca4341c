using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Offering times when the caller has not named a free one: a few times spread across the day (or the part of it)
/// asked for, the next open days when that day is full or closed, and the nearest free times with the reason when
/// the time asked for cannot be booked. The times offered are kept, so "the second one" or "9:30" can pick one.
/// </summary>
internal static class SlotOffers
{
    /// <summary>How many times are offered at once: few enough to remember when heard.</summary>
    private const int TimesOffered = 3;

    /// <summary>Free times on <paramref name="day"/> (in the day part asked for), else the next free times after it.</summary>
    public static async Task<AgentReply> OfferTimesAsync(TurnInput turn, ServiceOffering service, DateOnly day, CancellationToken cancellationToken)
    {
        var state = turn.State;
        TimeOnly? from = state.DayPart is { } part ? DayParts.Start(part) : null;
        TimeOnly? to = state.DayPart is { } p ? DayParts.End(p) : null;
        var free = await turn.Tools.FreeTimesAsync(service, day, from, to, cancellationToken);
        var when = state.DayPart is { } named ? $"{SlotSpeech.Day(day)} in the {named.ToString().ToLowerInvariant()}" : SlotSpeech.Day(day);
        if (free.Count > 0)
        {
            state.Offered = [.. Spread(free, TimesOffered)];
            return PendingQuestion.Ask(state, DialogStage.AwaitTime,
                DialogPrompts.TimesOn(service.Name, when, SlotSpeech.Or([.. state.Offered.Select(s => SlotSpeech.TimeOf(turn.Tenant, s))])));
        }

        var next = await turn.Tools.NextFreeTimesAsync(service, day.AddDays(1), TimesOffered, cancellationToken);
        state.Offered = [.. next];
        state.DayPart = null;
        var closed = turn.Tenant.IsClosedOn(day) ? DialogPrompts.ClosedOn(SlotSpeech.Day(day)) : DialogPrompts.NothingOpenOn(when);
        return next.Count == 0
            ? PendingQuestion.Ask(state, DialogStage.AwaitDay, DialogPrompts.ThenOtherDay(closed))
            : PendingQuestion.Ask(state, DialogStage.AwaitTime, DialogPrompts.ThenNextTimes(closed, SlotSpeech.Options(turn.Tenant, next)));
    }

    /// <summary>Why the time asked for cannot be booked, and the nearest free times instead (or another day when there are none).</summary>
    public static AgentReply OfferAlternatives(TurnInput turn, SlotCheck check)
    {
        var state = turn.State;
        var tenant = turn.Tenant;
        var requested = SlotSpeech.When(tenant, check.Requested);
        var reason = check.Status switch
        {
            SlotStatus.Full or SlotStatus.CalendarBusy => DialogPrompts.Taken(requested),
            SlotStatus.ClosedDay => DialogPrompts.ClosedOnSorry(SlotSpeech.Day(tenant.Time.DayOf(check.Requested))),
            SlotStatus.OutsideHours => DialogPrompts.OutsideHours(requested),
            SlotStatus.TooSoon => DialogPrompts.TooSoon(requested, HoursOf(tenant.Booking.MinimumLeadTime)),
            SlotStatus.BeyondHorizon => DialogPrompts.BeyondHorizon(tenant.Booking.BookingHorizon.Days),
            SlotStatus.NotOnGrid => DialogPrompts.NotOnGrid,
            _ => DialogPrompts.NotAvailable(requested),
        };
        state.Time = null;
        state.Proposed = null;
        state.Offered = [.. check.Alternatives];
        return check.Alternatives.Count == 0
            ? PendingQuestion.Ask(state, DialogStage.AwaitDay, DialogPrompts.ThenOtherDay(reason))
            : PendingQuestion.Ask(state, DialogStage.AwaitTime, DialogPrompts.ThenNearestTimes(reason, SlotSpeech.Options(tenant, check.Alternatives)));
    }

    /// <summary>The earliest free times from today, for "what's your earliest?" with no day said.</summary>
    public static async Task<AgentReply> OfferEarliestAsync(TurnInput turn, ServiceOffering service, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var next = await turn.Tools.NextFreeTimesAsync(service, turn.Today, TimesOffered, cancellationToken);
        state.Offered = [.. next];
        return next.Count == 0
            ? PendingQuestion.Ask(state, DialogStage.AwaitDay, DialogPrompts.NoOpeningSoon(service.Name))
            : PendingQuestion.Ask(state, DialogStage.AwaitTime, DialogPrompts.Earliest(service.Name, SlotSpeech.Options(turn.Tenant, next)));
    }

    /// <summary>First, last and evenly between: a morning, a midday and an afternoon time rather than three in a row.</summary>
    private static IEnumerable<DateTimeOffset> Spread(IReadOnlyList<DateTimeOffset> free, int count) =>
        free.Count <= count ? free : Enumerable.Range(0, count).Select(i => free[i * (free.Count - 1) / (count - 1)]);

    /// <summary>"an hour's", "24 hours'": the minimum notice, as said before "notice".</summary>
    private static string HoursOf(TimeSpan lead) => lead.TotalHours == 1 ? "an hour's" : $"{lead.TotalHours:0} hours'";
}
