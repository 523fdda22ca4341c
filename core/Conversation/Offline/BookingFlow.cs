using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Finding and confirming a time, for a new booking or for moving an appointment: fills service, day and time
/// from what the caller says (corrections included), checks the slot, offers the nearest free times, reads the
/// booking back, and writes it only after a yes.
/// </summary>
internal static class BookingFlow
{
    public static Task<AgentReply> StartAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        turn.State.Task = DialogTask.Book;
        Absorb(turn);
        // "An oil change and a tire rotation": book them one after the other, in the order said.
        var named = ServiceMatcher.FindAll(turn.Text, turn.Tenant);
        if (named.Count > 1)
        {
            turn.State.Service = named[0].Name;
            turn.State.NextServices = [.. named.Skip(1).Select(s => s.Name)];
        }

        return AdvanceAsync(turn, cancellationToken);
    }

    public static async Task<AgentReply> ContinueAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.Stage == DialogStage.AwaitConfirmation)
        {
            // "1"/"2" on their own answer the yes/no question (keypad or spoken), they are not 1 or 2 o'clock.
            var changed = !turn.IsBareKeyAnswer && Absorb(turn);
            if (!changed && turn.YesNo == YesNoAnswer.Yes && state.Proposed is { } proposed)
            {
                return await CommitAsync(turn, proposed, cancellationToken);
            }

            if (!changed && turn.YesNo == YesNoAnswer.No)
            {
                state.Time = null;
                state.Proposed = null;
                return PendingQuestion.Ask(state, DialogStage.AwaitTime, DialogPrompts.BetterDayAndTime);
            }

            if (!changed)
            {
                turn.NotUnderstood = true;
                return PendingQuestion.Reprompt(state, DialogPrompts.DidNotGet);
            }

            state.Proposed = null;
            return await AdvanceAsync(turn, cancellationToken);
        }

        if (state.Stage == DialogStage.AwaitName)
        {
            state.CallerName = NameExtractor.FromAnswer(turn.Text);
            turn.NotUnderstood = state.CallerName is null;
            return state.CallerName is null
                ? PendingQuestion.Ask(state, DialogStage.AwaitName, DialogPrompts.NameNotCaught)
                : await AdvanceAsync(turn, cancellationToken);
        }

        // "Which one: a brake inspection or a state inspection?" answered "the state one".
        if (state.Stage == DialogStage.AwaitService && turn.Service is null && ServiceMatcher.ByDistinctWord(turn.Text, turn.Tenant) is { } picked)
        {
            state.Service = picked.Name;
            Absorb(turn);
            return await AdvanceAsync(turn, cancellationToken);
        }

        // Repeating the service already chosen is understood, just not new: ask the next question again.
        if (!Absorb(turn) && turn.Service is null && !Phrases.AsksForEarliest(turn.Text))
        {
            if (state.Stage == DialogStage.AwaitTime && turn.YesNo == YesNoAnswer.No)
            {
                // "no" to the times offered is an answer, not a misunderstanding: ask what would suit instead.
                state.Offered = [];
                return PendingQuestion.Ask(state, DialogStage.AwaitTime, DialogPrompts.SuitsBetter);
            }

            turn.NotUnderstood = true;
            return PendingQuestion.Reprompt(state, DialogPrompts.DidNotCatch);
        }

        return await AdvanceAsync(turn, cancellationToken);
    }

    /// <summary>Takes service, name, day and time from the utterance; true when anything changed.</summary>
    public static bool Absorb(TurnInput turn)
    {
        var state = turn.State;
        var changed = false;
        if (turn.Service is { } service && state.Task == DialogTask.Book && service.Name != state.Service)
        {
            if (state.Service is not null && Phrases.Adds(turn.Text))
            {
                // "and a tire rotation too": booked after this one, not instead of it.
                if (!state.NextServices.Contains(service.Name))
                {
                    state.NextServices.Add(service.Name);
                    changed = true;
                }
            }
            else
            {
                state.Service = service.Name;
                changed = true;
            }
        }

        if (state.CallerName is null && turn.Context.Customer is null && state.CustomerId is null && NameExtractor.FromIntroduction(turn.Text) is { } name)
        {
            state.CallerName = name;
        }

        if (PickOffered(turn) is { } picked)
        {
            state.Date = turn.Tenant.Time.DayOf(picked);
            state.Time = turn.Tenant.Time.TimeOf(picked);
            state.DayPart = null;
            return true;
        }

        if (RelativeToFocus.Shift(turn.Text) is { } shift && ShiftBase(state) is { } from
            && from.Add(shift, out var wrapped) is var shifted && wrapped == 0)
        {
            // "An hour later", "push it back 30 minutes": from the time asked for, else the appointment's own.
            state.Date ??= state.FocusDay;
            state.Time = shifted;
            state.DayPart = null;
            return true;
        }

        if (state.FocusTime is { } focusTime && state.Time is null && RelativeToFocus.SameTime(turn.Text))
        {
            state.Time = focusTime;
            changed = true;
        }

        if (turn.Phrase is { } phrase)
        {
            // "the day after", "the next day": after the day under discussion (the one asked about, offered, or the appointment's).
            if (phrase.DaysAfterContext is { } days && AnchorDay(turn) is { } anchor)
            {
                state.Date = anchor.AddDays(days);
                state.Time = phrase.Time ?? state.Time; // "can we do the day after?" at a read-back: the same time
                state.DayPart = phrase.DayPart ?? state.DayPart;
                return true;
            }

            if (phrase.Date is { } date && date != state.Date)
            {
                state.Date = date;
                changed = true;
            }

            if (phrase.Time is { } time)
            {
                state.Time = time;
                state.DayPart = phrase.DayPart;
                changed = true;
            }
            else if (phrase.DayPart is { } part)
            {
                state.DayPart = part;
                state.Time = null;
                changed = true;
            }
        }

        return changed;
    }

    public static async Task<AgentReply> AdvanceAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var tenant = turn.Tenant;
        if (state.Service is null && ServiceMatcher.SharingAWord(turn.Text, tenant) is { Count: > 1 } sharing)
        {
            return PendingQuestion.Ask(state, DialogStage.AwaitService, DialogPrompts.WhichOfSimilar([.. sharing.Select(s => s.Name)]));
        }

        if (state.Service is null || ServiceMatcher.ByName(state.Service, tenant) is not { } service)
        {
            var names = SlotSpeech.Or([.. tenant.Services.Select(s => s.Name)]);
            return PendingQuestion.Ask(state, DialogStage.AwaitService, DialogPrompts.WhichService(names));
        }

        if (state.Date is null && state.Time is not null && state.Task == DialogTask.Reschedule)
        {
            state.Date = state.FocusDay; // "make it 3 instead": the appointment's day, another time
        }

        if (state.Date is null && state.Time is { } onlyTime)
        {
            var todayAt = tenant.Time.At(turn.Today, onlyTime);
            state.Date = todayAt > turn.Context.Now.Add(tenant.Booking.MinimumLeadTime) ? turn.Today : turn.Today.AddDays(1);
        }

        if (state.Date is null && Phrases.AsksForEarliest(turn.Text))
        {
            return await SlotOffers.OfferEarliestAsync(turn, service, cancellationToken);
        }

        if (state.Date is not { } day)
        {
            return PendingQuestion.Ask(state, DialogStage.AwaitDay, DialogPrompts.WhatDay(service.Name));
        }

        if (state.Time is not { } timeOfDay)
        {
            return await SlotOffers.OfferTimesAsync(turn, service, day, cancellationToken);
        }

        var start = tenant.Time.At(day, timeOfDay);
        var check = await turn.Tools.CheckAvailabilityAsync(service, start, cancellationToken);
        if (check.Status != SlotStatus.Free)
        {
            return SlotOffers.OfferAlternatives(turn, check);
        }

        if (state.Task == DialogTask.Book && await turn.Tools.FindCustomerAsync(cancellationToken) is null && state.CallerName is null)
        {
            if (string.IsNullOrEmpty(turn.Context.CallerNumber))
            {
                var desk = tenant.DefaultTransferTarget;
                return desk is null
                    ? AgentReply.Hangup(DialogPrompts.NoCallerNumber)
                    : AgentReply.Transfer(DialogPrompts.NoCallerNumberTransfer(desk.Department), desk.Target);
            }

            state.Proposed = start;
            return PendingQuestion.Ask(state, DialogStage.AwaitName, DialogPrompts.TimeOpenAskName);
        }

        state.Proposed = start;
        return PendingQuestion.Ask(state, DialogStage.AwaitConfirmation, await ReadBackAsync(turn, service, start, cancellationToken));
    }

    private static async Task<string> ReadBackAsync(TurnInput turn, ServiceOffering service, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var tenant = turn.Tenant;
        if (turn.State.Task == DialogTask.Reschedule && turn.State.AppointmentId is { } id
            && (await turn.Tools.ListMyAppointmentsAsync(cancellationToken)).FirstOrDefault(a => a.Id == id) is { } old)
        {
            return DialogPrompts.MoveReadBack(old.Service, SlotSpeech.When(tenant, old.Start), SlotSpeech.When(tenant, start));
        }

        var customer = await turn.Tools.FindCustomerAsync(cancellationToken);
        var vehicle = customer?.Vehicles.Count == 1 ? customer.Vehicles[0].Describe() : null; // with several, VehicleFlow asks which
        var name = customer is null ? turn.State.CallerName : null;
        return DialogPrompts.BookReadBack(service.Name, SlotSpeech.When(tenant, start), vehicle, name, turn.State.NextServices);
    }

    private static async Task<AgentReply> CommitAsync(TurnInput turn, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var tenant = turn.Tenant;
        var service = ServiceMatcher.ByName(state.Service!, tenant)!;
        var result = state.Task == DialogTask.Reschedule
            ? await turn.Tools.RescheduleAppointmentAsync(state.AppointmentId!, start, cancellationToken)
            : await turn.Tools.BookAppointmentAsync(service, start, cancellationToken);

        if (result.Appointment is { } appointment)
        {
            state.Focus(appointment.Id, tenant.Time.DayOf(appointment.Start), tenant.Time.TimeOf(appointment.Start), appointment.Service);
            var moved = state.Task == DialogTask.Reschedule;
            var next = state.NextServices.Count > 0 ? state.NextServices[0] : null;
            var rest = state.NextServices.Skip(1).ToList();
            state.ClearTask();
            if (!moved && next is not null)
            {
                state.Task = DialogTask.Book;
                state.Service = next;
                state.Date = tenant.Time.DayOf(appointment.Start);
                state.NextServices = rest;
                return PendingQuestion.Ask(state, DialogStage.AwaitTime,
                    DialogPrompts.BookedNowNext(SlotSpeech.Appointment(tenant, appointment), next, SlotSpeech.Day(state.Date.Value)));
            }

            // After the last of the services asked for, the car it is for (when the shop needs it): asked, never waited for.
            if (!moved && await VehicleFlow.AskAsync(turn, cancellationToken) is { } vehicleQuestion)
            {
                return AgentReply.Listen(DialogPrompts.BookedThen(SlotSpeech.Appointment(tenant, appointment), vehicleQuestion));
            }

            return AgentReply.Listen(moved
                ? DialogPrompts.Moved(appointment.Service, SlotSpeech.When(tenant, appointment.Start))
                : DialogPrompts.Booked(SlotSpeech.Appointment(tenant, appointment)));
        }

        if (result.Refusal is { } refusal)
        {
            return SlotOffers.OfferAlternatives(turn, refusal);
        }

        state.ClearTask();
        return AgentReply.Listen(DialogPrompts.AppointmentGone);
    }

    /// <summary>The time a shift ("an hour later") counts from: the one asked for, else, when moving, the appointment's.</summary>
    private static TimeOnly? ShiftBase(DialogState state) =>
        state.Time ?? (state.Task == DialogTask.Reschedule ? state.FocusTime : null);

    /// <summary>The day a relative "the day after" counts from: the day asked about, else the day of the times offered, else the appointment in focus.</summary>
    private static DateOnly? AnchorDay(TurnInput turn)
    {
        var state = turn.State;
        return state.Date
            ?? (state.Offered.Count > 0 ? turn.Tenant.Time.DayOf(state.Offered[0]) : (DateOnly?)null)
            ?? state.FocusDay;
    }

    /// <summary>An offered start the caller picked: "the second one", "9:30", or a yes (the first one).</summary>
    private static DateTimeOffset? PickOffered(TurnInput turn)
    {
        var offered = turn.State.Offered;
        if (offered.Count == 0)
        {
            return null;
        }

        if (Ordinals.Index(turn.Text, offered.Count) is { } byOrdinal)
        {
            return offered[byOrdinal];
        }

        if (turn.Phrase?.Time is { } time)
        {
            var matches = offered
                .Where(o => turn.Tenant.Time.TimeOf(o) == time && (turn.Phrase.Date is null || turn.Tenant.Time.DayOf(o) == turn.Phrase.Date))
                .ToList();
            return matches.Count > 0 ? matches[0] : null;
        }

        // A yes to a list ("yeah, that works") takes the first time offered; the read-back that follows names it.
        return turn.State.Stage == DialogStage.AwaitTime && turn.YesNo == YesNoAnswer.Yes && turn.Phrase is null ? offered[0] : null;
    }
}
