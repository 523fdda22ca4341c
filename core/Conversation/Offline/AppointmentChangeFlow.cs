using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Cancelling or moving one of the caller's own appointments: finds it among the verified caller's upcoming
/// appointments (never anyone else's, whatever name is said), asks which one when there are several, and
/// confirms before changing anything.
/// </summary>
internal static class AppointmentChangeFlow
{
    public static async Task<AgentReply> StartAsync(TurnInput turn, DialogTask task, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.Task = task;
        if (await turn.Tools.FindCustomerAsync(cancellationToken) is null)
        {
            return IdentityFlow.Start(turn);
        }

        var upcoming = await turn.Tools.ListMyAppointmentsAsync(cancellationToken);
        if (upcoming.Count == 0)
        {
            state.ClearTask();
            return AgentReply.Listen(DialogPrompts.NoUpcoming);
        }

        state.Listed = [.. upcoming.Select(a => a.Id)];
        if (upcoming.Count == 1)
        {
            FocusOn(turn, upcoming[0]);
        }

        if (task == DialogTask.ListAppointments)
        {
            state.ClearTask();
            return AgentReply.Listen(DialogPrompts.Appointments(SlotSpeech.Or([.. upcoming.Select(a => SlotSpeech.Appointment(turn.Tenant, a))])));
        }

        var candidates = PointedAt(turn, upcoming, Narrow(turn, upcoming, useDate: task == DialogTask.Cancel));
        if (candidates.Count == 1)
        {
            return await ChosenAsync(turn, candidates[0], cancellationToken);
        }

        state.Choices = [.. candidates.Select(a => a.Id)];
        return PendingQuestion.Ask(state, DialogStage.AwaitAppointmentChoice,
            DialogPrompts.WhichToChange(SlotSpeech.Or([.. candidates.Select(a => SlotSpeech.Appointment(turn.Tenant, a))]), cancel: task == DialogTask.Cancel));
    }

    /// <summary>
    /// Cancelling or moving one given appointment of the caller's (the one a reminder was about), without asking which.
    /// <paramref name="takeWords"/> false when the answer was a key: "2" is not a new time of 2 o'clock.
    /// </summary>
    public static Task<AgentReply> ChangeAsync(TurnInput turn, DialogTask task, Appointment appointment, bool takeWords, CancellationToken cancellationToken)
    {
        turn.State.Task = task;
        return ChosenAsync(turn, appointment, cancellationToken, takeWords);
    }

    public static async Task<AgentReply> ContinueAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var upcoming = await turn.Tools.ListMyAppointmentsAsync(cancellationToken);
        if (state.Stage == DialogStage.AwaitAppointmentChoice)
        {
            var listed = upcoming.Where(a => state.Choices.Contains(a.Id)).ToList();
            var picked = (Ordinals.Index(turn.Text, listed.Count) is { } i ? listed[i] : null) ?? (Narrow(turn, listed, useDate: true) is { Count: 1 } one ? one[0] : null);
            if (picked is null && StartsBooking(turn, upcoming))
            {
                state.ClearTask();
                return await BookingFlow.StartAsync(turn, cancellationToken);
            }

            turn.NotUnderstood = picked is null;
            return picked is null
                ? PendingQuestion.Reprompt(state, DialogPrompts.WhichOneAgain)
                : await ChosenAsync(turn, picked, cancellationToken);
        }

        // Awaiting the yes/no to a cancellation.
        var appointment = upcoming.FirstOrDefault(a => a.Id == state.AppointmentId);
        if (appointment is null)
        {
            state.ClearTask();
            return AgentReply.Listen(DialogPrompts.NoLongerBooked);
        }

        if (await RepickAsync(turn, upcoming, appointment, cancellationToken) is { } repicked)
        {
            return repicked;
        }

        switch (turn.YesNo)
        {
            case YesNoAnswer.Yes:
                var cancelled = await turn.Tools.CancelAppointmentAsync(appointment.Id, cancellationToken);
                state.ClearTask();
                state.Unfocus();
                return AgentReply.Listen(cancelled is null
                    ? DialogPrompts.AlreadyCancelled
                    : DialogPrompts.Cancelled(appointment.Service, SlotSpeech.When(turn.Tenant, appointment.Start)));
            case YesNoAnswer.No:
                state.ClearTask();
                return AgentReply.Listen(DialogPrompts.ThenAnythingElse(DialogPrompts.LeftAsItIs));
            default:
                turn.NotUnderstood = true;
                return PendingQuestion.Reprompt(state, DialogPrompts.DidNotGet);
        }
    }

    private static async Task<AgentReply> ChosenAsync(TurnInput turn, Appointment appointment, CancellationToken cancellationToken, bool takeWords = true)
    {
        var state = turn.State;
        state.AppointmentId = appointment.Id;
        FocusOn(turn, appointment);
        if (state.Task == DialogTask.Cancel)
        {
            return PendingQuestion.Ask(state, DialogStage.AwaitConfirmation,
                DialogPrompts.CancelReadBack(appointment.Service, SlotSpeech.When(turn.Tenant, appointment.Start)));
        }

        state.Service = appointment.Service;
        if (takeWords)
        {
            BookingFlow.Absorb(turn);
        }

        if (state.Date is null && state.Time is null)
        {
            return PendingQuestion.Ask(state, DialogStage.AwaitDay,
                DialogPrompts.MoveWhen(appointment.Service, SlotSpeech.When(turn.Tenant, appointment.Start)));
        }

        return await BookingFlow.AdvanceAsync(turn, cancellationToken);
    }

    /// <summary>
    /// At the read-back of a cancellation or move, the caller pointing at another of their appointments ("no, the other
    /// one", "the tire rotation", "the one on Friday"): read that one back instead, or ask again which one. Null when the
    /// answer is about the appointment read back.
    /// </summary>
    public static async Task<AgentReply?> RepickAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var upcoming = await turn.Tools.ListMyAppointmentsAsync(cancellationToken);
        return upcoming.FirstOrDefault(a => a.Id == turn.State.AppointmentId) is { } current
            ? await RepickAsync(turn, upcoming, current, cancellationToken)
            : null;
    }

    private static async Task<AgentReply?> RepickAsync(TurnInput turn, IReadOnlyList<Appointment> upcoming, Appointment current, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (StartsBooking(turn, upcoming))
        {
            state.ClearTask();
            return await BookingFlow.StartAsync(turn, cancellationToken);
        }

        var listed = state.Choices.Count > 1 ? upcoming.Where(a => state.Choices.Contains(a.Id)).ToList() : [.. upcoming];
        if (listed.Count < 2)
        {
            return null;
        }

        var useDate = state.Task == DialogTask.Cancel; // while moving, a day is the new day, not the appointment's
        var named = Named(turn, listed, useDate);
        if (named is not null)
        {
            return named.Id == current.Id ? null : await ChooseAgainAsync(turn, named, cancellationToken);
        }

        if (turn.YesNo == YesNoAnswer.Yes || !Phrases.OtherOne(turn.Text))
        {
            return null;
        }

        var others = listed.Where(a => a.Id != current.Id).ToList();
        if (others.Count == 1)
        {
            return await ChooseAgainAsync(turn, others[0], cancellationToken);
        }

        state.AppointmentId = null;
        state.Choices = [.. others.Select(a => a.Id)];
        return PendingQuestion.Ask(state, DialogStage.AwaitAppointmentChoice,
            DialogPrompts.WhichOtherToChange(SlotSpeech.Or([.. others.Select(a => SlotSpeech.Appointment(turn.Tenant, a))]), cancel: state.Task == DialogTask.Cancel));
    }

    private static Task<AgentReply> ChooseAgainAsync(TurnInput turn, Appointment appointment, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.Date = null;
        state.Time = null;
        state.DayPart = null;
        state.Proposed = null;
        state.Offered = [];
        return ChosenAsync(turn, appointment, cancellationToken);
    }

    /// <summary>
    /// Of several candidates, the ones the caller points at beyond service and day: "the second one" after a list read
    /// out, "that" or "it" for the appointment in focus, "the other one" for the rest. All candidates when nothing points.
    /// </summary>
    private static List<Appointment> PointedAt(TurnInput turn, IReadOnlyList<Appointment> upcoming, List<Appointment> candidates)
    {
        if (candidates.Count < 2)
        {
            return candidates;
        }

        var state = turn.State;
        var listed = state.Listed.Select(id => upcoming.FirstOrDefault(a => a.Id == id)).OfType<Appointment>().ToList();
        if (listed.Count > 1 && Phrases.ContainsPhrase(Phrases.Normalise(turn.Text), "one") && Ordinals.Index(turn.Text, listed.Count) is { } i)
        {
            return [listed[i]];
        }

        if (candidates.FirstOrDefault(a => a.Id == state.FocusAppointmentId) is not { } focus)
        {
            return candidates;
        }

        if (Phrases.OtherOne(turn.Text))
        {
            return [.. candidates.Where(a => a.Id != focus.Id)];
        }

        // "move that", "actually, cancel it": the appointment just discussed.
        return Phrases.RefersBack(turn.Text) ? [focus] : candidates;
    }

    private static void FocusOn(TurnInput turn, Appointment appointment) =>
        turn.State.Focus(appointment.Id, turn.Tenant.Time.DayOf(appointment.Start), turn.Tenant.Time.TimeOf(appointment.Start), appointment.Service);

    /// <summary>"the second one", "the oil change", "the one on Friday" among the appointments listed, or null.</summary>
    private static Appointment? Named(TurnInput turn, List<Appointment> listed, bool useDate)
    {
        var text = Phrases.Normalise(turn.Text);
        if (Phrases.ContainsPhrase(text, "one") && Ordinals.Index(text, listed.Count) is { } i)
        {
            return listed[i];
        }

        var names = turn.Service is not null || (useDate && turn.Phrase?.Date is not null);
        return names && Narrow(turn, listed, useDate) is { Count: 1 } one ? one[0] : null;
    }

    /// <summary>A booking asked for in the middle: a service none of the caller's appointments is for, with booking words or a service alone.</summary>
    private static bool StartsBooking(TurnInput turn, IReadOnlyList<Appointment> upcoming) =>
        turn.Service is { } service && upcoming.All(a => a.Service != service.Name)
        && IntentClassifier.Classify(turn.Text, turn.Tenant) == CallerIntent.Book;

    /// <summary>The appointments the caller's words point at (service, and for a cancellation the day); all when nothing matches.</summary>
    private static List<Appointment> Narrow(TurnInput turn, IReadOnlyList<Appointment> appointments, bool useDate)
    {
        var matches = appointments.ToList();
        if (turn.Service is { } service && matches.Any(a => a.Service == service.Name))
        {
            matches = [.. matches.Where(a => a.Service == service.Name)];
        }

        if (useDate && turn.Phrase?.Date is { } date)
        {
            var onDate = matches.Where(a => turn.Tenant.Time.DayOf(a.Start) == date).ToList();
            if (onDate.Count > 0)
            {
                matches = onDate;
            }
        }

        return matches;
    }
}
