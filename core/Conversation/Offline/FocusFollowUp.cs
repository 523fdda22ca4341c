using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Follow-ups that point back at what the call is about once a task is done: the appointment in focus (just booked,
/// moved, read back or listed) and the service just discussed. "How much is that?", "and a tire rotation too",
/// "move that to tomorrow", "make it 3 instead", "the day after", "never mind".
/// </summary>
internal static class FocusFollowUp
{
    /// <summary>The reply to a follow-up on the focus, or null when the turn is not one.</summary>
    public static async Task<AgentReply?> AnswerAsync(TurnInput turn, CallerIntent intent, CancellationToken cancellationToken)
    {
        var state = turn.State;
        switch (intent)
        {
            case CallerIntent.NeverMind:
                return AgentReply.Listen(DialogPrompts.NoProblemAnythingElse);
            case CallerIntent.Price when turn.Service is null:
                return PriceOfFocus(turn, then: DialogPrompts.AnythingElse);
            case CallerIntent.Book when turn.Service is not null && state.FocusDay is { } day && Phrases.Adds(turn.Text):
                // "And a tire rotation too": the same day as the appointment just discussed unless another day is said
                // ("the day after", "on Friday"), and right after it when that time is free.
                // A day said relative to the focus ("the day after") is resolved by the booking itself, from the focus day.
                if (turn.Phrase?.Date is null && turn.Phrase?.DaysAfterContext is null or 0)
                {
                    state.Date = day;
                    if (turn.Phrase?.HasTime != true && await RightAfterFocusAsync(turn, turn.Service, cancellationToken) is { } next)
                    {
                        state.Time = turn.Tenant.Time.TimeOf(next);
                    }
                }

                return await BookingFlow.StartAsync(turn, cancellationToken);
            case CallerIntent.Unknown or CallerIntent.Book or CallerIntent.Thanks when turn.Service is null && state.FocusAppointmentId is not null && ChangesTime(turn):
                // "Make it 3 instead", "can we do Thursday", "the day after": move the appointment in focus (read back first).
                return await AppointmentChangeFlow.StartAsync(turn, DialogTask.Reschedule, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// "How much is that?": the price of the service named, else of the one being booked, else of the one in focus;
    /// <paramref name="then"/> (the question pending) follows. Which service, when none has been discussed.
    /// </summary>
    public static AgentReply PriceOfFocus(TurnInput turn, string then)
    {
        var state = turn.State;
        var name = turn.Service?.Name ?? state.Service ?? state.FocusService;
        if (name is null || ServiceMatcher.ByName(name, turn.Tenant) is not { } service)
        {
            return AgentReply.Listen(DialogPrompts.WhichServicePrice(SlotSpeech.Or([.. turn.Tenant.Services.Select(s => s.Name)])));
        }

        return AgentReply.Listen($"{DialogPrompts.Price(service.Name, service.Price)} {then}");
    }

    /// <summary>The end of the appointment in focus, when <paramref name="service"/> can start then.</summary>
    private static async Task<DateTimeOffset?> RightAfterFocusAsync(TurnInput turn, Tenants.ServiceOffering service, CancellationToken cancellationToken)
    {
        var focus = (await turn.Tools.ListMyAppointmentsAsync(cancellationToken)).FirstOrDefault(a => a.Id == turn.State.FocusAppointmentId);
        return focus is not null && (await turn.Tools.CheckAvailabilityAsync(service, focus.End, cancellationToken)).Status == Scheduling.SlotStatus.Free
            ? focus.End
            : null;
    }

    /// <summary>A new day or time with no new service, said as a change ("instead", "make it") or pointing back ("that", "the day after").</summary>
    private static bool ChangesTime(TurnInput turn) =>
        RelativeToFocus.Shift(turn.Text) is not null
        || (turn.Phrase is { } phrase
        && (phrase.Date is not null || phrase.HasTime || phrase.DaysAfterContext is not null)
        && !Phrases.Adds(turn.Text)
        && (phrase.DaysAfterContext is not null || Phrases.Instead(turn.Text) || Phrases.RefersBack(turn.Text) || turn.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4));
}
