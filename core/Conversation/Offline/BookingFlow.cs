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
    public const string AnythingElse = "Is there anything else I can help you with?";

    private const string SuitsBetter = "No problem. What day or time would suit you better?";

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
                return Ask(state, DialogStage.AwaitTime, "No problem. What day and time would work better for you?");
            }

            if (!changed)
            {
                turn.NotUnderstood = true;
                return Reprompt(state, "Sorry, I didn't get that.");
            }

            state.Proposed = null;
            return await AdvanceAsync(turn, cancellationToken);
        }

        if (state.Stage == DialogStage.AwaitName)
        {
            state.CallerName = NameExtractor.FromAnswer(turn.Text);
            turn.NotUnderstood = state.CallerName is null;
            return state.CallerName is null
                ? Ask(state, DialogStage.AwaitName, "Sorry, I didn't catch your name. Could you say it again?")
                : await AdvanceAsync(turn, cancellationToken);
        }

        // Repeating the service already chosen is understood, just not new: ask the next question again.
        if (!Absorb(turn) && turn.Service is null)
        {
            if (state.Stage == DialogStage.AwaitTime && turn.YesNo == YesNoAnswer.No)
            {
                // "no" to the times offered is an answer, not a misunderstanding: ask what would suit instead.
                state.Offered = [];
                return Ask(state, DialogStage.AwaitTime, SuitsBetter);
            }

            turn.NotUnderstood = true;
            return Reprompt(state, "Sorry, I didn't catch that.");
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

        if (state.FocusDay is { } focusDay && state.Date is null && RelativeToFocus.SameDay(turn.Text))
        {
            state.Date = focusDay;
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
        if (state.Service is null || ServiceMatcher.ByName(state.Service, tenant) is not { } service)
        {
            var names = SlotSpeech.Or([.. tenant.Services.Select(s => s.Name)]);
            return Ask(state, DialogStage.AwaitService, $"Which service do you need? We do {names}.");
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
            var next = await turn.Tools.NextFreeTimesAsync(service, turn.Today, 3, cancellationToken);
            state.Offered = [.. next];
            return next.Count == 0
                ? Ask(state, DialogStage.AwaitDay, $"I don't see an opening for {SlotSpeech.Article(service.Name)} {service.Name} in the next two weeks. What day would you like?")
                : Ask(state, DialogStage.AwaitTime, $"The earliest I have for {SlotSpeech.Article(service.Name)} {service.Name} is {SlotSpeech.Options(turn.Tenant, next)}. Would one of those work?");
        }

        if (state.Date is not { } day)
        {
            return Ask(state, DialogStage.AwaitDay, $"What day would you like to bring it in for the {service.Name}?");
        }

        if (state.Time is not { } timeOfDay)
        {
            return await OfferTimesAsync(turn, service, day, cancellationToken);
        }

        var start = tenant.Time.At(day, timeOfDay);
        var check = await turn.Tools.CheckAvailabilityAsync(service, start, cancellationToken);
        if (check.Status != SlotStatus.Free)
        {
            return OfferAlternatives(turn, check);
        }

        if (state.Task == DialogTask.Book && await turn.Tools.FindCustomerAsync(cancellationToken) is null && state.CallerName is null)
        {
            if (string.IsNullOrEmpty(turn.Context.CallerNumber))
            {
                var desk = tenant.DefaultTransferTarget;
                return desk is null
                    ? AgentReply.Hangup("I'm sorry, I need a phone number to book under, and I can't see yours. Please call back from your phone. Goodbye.")
                    : AgentReply.Transfer($"I can't see your phone number, so let me connect you with our {desk.Department} to book that.", desk.Target);
            }

            state.Proposed = start;
            return Ask(state, DialogStage.AwaitName, "Great, that time is open. Can I get your name for the appointment?");
        }

        state.Proposed = start;
        return Ask(state, DialogStage.AwaitConfirmation, await ReadBackAsync(turn, service, start, cancellationToken));
    }

    private static async Task<string> ReadBackAsync(TurnInput turn, ServiceOffering service, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var tenant = turn.Tenant;
        if (turn.State.Task == DialogTask.Reschedule && turn.State.AppointmentId is { } id
            && (await turn.Tools.ListMyAppointmentsAsync(cancellationToken)).FirstOrDefault(a => a.Id == id) is { } old)
        {
            return $"I can move your {old.Service} from {SlotSpeech.When(tenant, old.Start)} to {SlotSpeech.When(tenant, start)}. Shall I do that?";
        }

        var customer = await turn.Tools.FindCustomerAsync(cancellationToken);
        var vehicle = customer?.Vehicles.Count == 1 ? $" for your {customer.Vehicles[0].Describe()}" : string.Empty; // with several, VehicleFlow asks which
        var name = customer is null && turn.State.CallerName is { } caller ? $", under the name {caller}" : string.Empty;
        var then = turn.State.NextServices.Count > 0 ? $" Then we'll book the {SlotSpeech.Or(turn.State.NextServices)}." : string.Empty;
        return $"Just to confirm: {SlotSpeech.Article(service.Name)} {service.Name}{vehicle} on {SlotSpeech.When(tenant, start)}{name}.{then} Shall I book it?";
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
                return Ask(state, DialogStage.AwaitTime,
                    $"You're all set: {SlotSpeech.Appointment(tenant, appointment)}. Now the {next}: what time on {SlotSpeech.Day(state.Date.Value)} would suit you?");
            }

            // After the last of the services asked for, the car it is for (when the shop needs it): asked, never waited for.
            if (!moved && await VehicleFlow.AskAsync(turn, cancellationToken) is { } vehicleQuestion)
            {
                return AgentReply.Listen($"You're all set: {SlotSpeech.Appointment(tenant, appointment)}. {vehicleQuestion}");
            }

            return AgentReply.Listen(moved
                ? $"Done. Your {appointment.Service} is now on {SlotSpeech.When(tenant, appointment.Start)}. {AnythingElse}"
                : $"You're all set: {SlotSpeech.Appointment(tenant, appointment)}. We'll see you then. {AnythingElse}");
        }

        if (result.Refusal is { } refusal)
        {
            return OfferAlternatives(turn, refusal);
        }

        state.ClearTask();
        return AgentReply.Listen($"I'm sorry, I couldn't find that appointment anymore. {AnythingElse}");
    }

    private static async Task<AgentReply> OfferTimesAsync(TurnInput turn, ServiceOffering service, DateOnly day, CancellationToken cancellationToken)
    {
        var state = turn.State;
        TimeOnly? from = state.DayPart is { } part ? DayParts.Start(part) : null;
        TimeOnly? to = state.DayPart is { } p ? DayParts.End(p) : null;
        var free = await turn.Tools.FreeTimesAsync(service, day, from, to, cancellationToken);
        var when = state.DayPart is { } named ? $"{SlotSpeech.Day(day)} in the {named.ToString().ToLowerInvariant()}" : SlotSpeech.Day(day);
        if (free.Count > 0)
        {
            state.Offered = [.. Spread(free, 3)];
            return Ask(state, DialogStage.AwaitTime, $"For {SlotSpeech.Article(service.Name)} {service.Name} on {when} I have {SlotSpeech.Or([.. state.Offered.Select(s => SlotSpeech.TimeOf(turn.Tenant, s))])}. Which time works for you?");
        }

        var next = await turn.Tools.NextFreeTimesAsync(service, day.AddDays(1), 3, cancellationToken);
        state.Offered = [.. next];
        state.DayPart = null;
        var closed = turn.Tenant.IsClosedOn(day) ? $"We're closed on {SlotSpeech.Day(day)}." : $"I don't have anything open on {when}.";
        return next.Count == 0
            ? Ask(state, DialogStage.AwaitDay, $"{closed} What other day would work for you?")
            : Ask(state, DialogStage.AwaitTime, $"{closed} The next times I have are {SlotSpeech.Options(turn.Tenant, next)}. Would one of those work?");
    }

    public static AgentReply OfferAlternatives(TurnInput turn, SlotCheck check)
    {
        var state = turn.State;
        var tenant = turn.Tenant;
        var requested = SlotSpeech.When(tenant, check.Requested);
        var reason = check.Status switch
        {
            SlotStatus.Full or SlotStatus.CalendarBusy => $"Sorry, {requested} is already taken.",
            SlotStatus.ClosedDay => $"Sorry, we're closed on {SlotSpeech.Day(tenant.Time.DayOf(check.Requested))}.",
            SlotStatus.OutsideHours => $"Sorry, {requested} is outside our opening hours.",
            SlotStatus.TooSoon => $"Sorry, {requested} is too soon; appointments need at least {HoursOf(tenant.Booking.MinimumLeadTime)} notice.",
            SlotStatus.BeyondHorizon => $"Sorry, I can only book up to {tenant.Booking.BookingHorizon.Days} days ahead.",
            SlotStatus.NotOnGrid => "Appointments start on the hour or half hour.",
            _ => $"Sorry, {requested} isn't available.",
        };
        state.Time = null;
        state.Proposed = null;
        state.Offered = [.. check.Alternatives];
        return check.Alternatives.Count == 0
            ? Ask(state, DialogStage.AwaitDay, $"{reason} What other day would work for you?")
            : Ask(state, DialogStage.AwaitTime, $"{reason} The nearest times I have are {SlotSpeech.Options(tenant, check.Alternatives)}. Would one of those work?");
    }

    /// <summary>Asks the pending question again behind a short lead ("Sorry, I didn't get that."), keeping it as the prompt.</summary>
    public static AgentReply Reprompt(DialogState state, string lead) => AgentReply.Listen($"{lead} {state.Prompt}");

    public static AgentReply Ask(DialogState state, DialogStage stage, string question)
    {
        state.Stage = stage;
        state.Prompt = question;
        return AgentReply.Listen(question);
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

    private static IEnumerable<DateTimeOffset> Spread(IReadOnlyList<DateTimeOffset> free, int count) =>
        free.Count <= count ? free : Enumerable.Range(0, count).Select(i => free[i * (free.Count - 1) / (count - 1)]);

    private static string HoursOf(TimeSpan lead) => lead.TotalHours == 1 ? "an hour's" : $"{lead.TotalHours:0} hours'";
}
