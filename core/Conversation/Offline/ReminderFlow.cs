using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// The reminder of one appointment and its answer, on the shop's reminder call and for a known caller whose reminder
/// was tried but never confirmed. By voice or keypad: 1 or a plain yes confirms, 2 moves it, 3 cancels it (after the
/// usual read-back), 0 asks for a person, and no asks whether to reschedule or cancel. Moving and cancelling are the
/// usual <see cref="AppointmentChangeFlow"/> for that appointment; a side question is answered and the reminder asked
/// again; any other request drops the reminder and is routed as usual.
/// </summary>
internal static class ReminderFlow
{
    private enum Answer
    {
        Other,
        Confirm,
        Reschedule,
        Cancel,
        Person,
        No,
        Keep,
        SideQuestion,
        Unclear,
    }

    public static bool IsAwaiting(DialogStage stage) => stage is DialogStage.AwaitReminderAnswer or DialogStage.AwaitReminderChange;

    /// <summary>The first words of the shop's reminder call, once the customer answers.</summary>
    public static AgentReply Remind(ConversationContext context, DialogState state, Appointment appointment)
    {
        state.ShopCalled = true;
        return Ask(context, state, appointment, DialogPrompts.Reminder(context.Tenant.Name, context.Customer?.FirstName, appointment.Service, When(context, appointment)));
    }

    /// <summary>The greeting of a known caller whose reminder went unconfirmed: it offers to confirm, change or cancel it.</summary>
    public static AgentReply OfferPending(ConversationContext context, DialogState state, Appointment appointment, string firstName) =>
        Ask(context, state, appointment, DialogPrompts.PendingReminder(context.Tenant.Name, firstName, appointment.Service, When(context, appointment)));

    /// <summary>
    /// The reply to the reminder's question (or to "reschedule or cancel?" after a no); null when the caller asked for
    /// something else, with the question dropped, so the turn is routed as usual.
    /// </summary>
    public static async Task<AgentReply?> AnswerAsync(TurnInput turn, CallerIntent intent, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var appointment = (await turn.Tools.ListMyAppointmentsAsync(cancellationToken)).FirstOrDefault(a => a.Id == state.ReminderAppointmentId);
        if (appointment is null)
        {
            state.ClearTask();
            return AgentReply.Listen(DialogPrompts.NoLongerBooked);
        }

        var key = Key(turn.Input);
        var answer = key ?? FromWords(turn, intent, appointment);
        switch (answer)
        {
            case Answer.Confirm:
                return await ConfirmAsync(turn, appointment, cancellationToken);
            case Answer.Reschedule or Answer.Cancel:
                var task = answer == Answer.Cancel ? DialogTask.Cancel : DialogTask.Reschedule;
                state.ClearTask();
                // "I need to cancel my oil change" when the reminder was for another appointment: the usual choice.
                return turn.Service is { } named && named.Name != appointment.Service && key is null
                    ? await AppointmentChangeFlow.StartAsync(turn, task, cancellationToken)
                    : await AppointmentChangeFlow.ChangeAsync(turn, task, appointment, takeWords: key is null, cancellationToken);
            case Answer.Person:
                state.ClearTask();
                return turn.Tools.TransferToHuman(null) is { } desk
                    ? AgentReply.Transfer(DialogPrompts.Connecting(DialogPrompts.ConnectLead, desk.Department), desk.Target)
                    : AgentReply.Hangup(DialogPrompts.NobodyToTransferTo);
            case Answer.No:
                state.Stage = DialogStage.AwaitReminderChange;
                state.Prompt = DialogPrompts.RescheduleOrCancel;
                return AgentReply.Listen(DialogPrompts.NoProblemRescheduleOrCancel);
            case Answer.Keep:
                state.ClearTask();
                return EndOrCarryOn(turn, DialogPrompts.ReminderKept(appointment.Service, When(turn.Context, appointment)), hangUp: state.ShopCalled || intent == CallerIntent.Goodbye);
            case Answer.SideQuestion:
                return await SideAnswerAsync(turn, intent, cancellationToken);
            case Answer.Unclear:
                turn.NotUnderstood = true;
                return PendingQuestion.Reprompt(state, DialogPrompts.DidNotGet);
            default:
                state.ClearTask();
                return null;
        }
    }

    private static AgentReply Ask(ConversationContext context, DialogState state, Appointment appointment, string speech)
    {
        var time = context.Tenant.Time;
        state.ReminderAppointmentId = appointment.Id;
        state.Focus(appointment.Id, time.DayOf(appointment.Start), time.TimeOf(appointment.Start), appointment.Service);
        state.Stage = DialogStage.AwaitReminderAnswer;
        state.Prompt = DialogPrompts.ReminderQuestion(appointment.Service, When(context, appointment));
        return AgentReply.Listen(speech);
    }

    private static async Task<AgentReply> ConfirmAsync(TurnInput turn, Appointment appointment, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var confirmed = await turn.Tools.ConfirmAppointmentAsync(appointment.Id, cancellationToken);
        state.ClearTask();
        return confirmed is null
            ? AgentReply.Listen(DialogPrompts.NoLongerBooked)
            : EndOrCarryOn(turn, DialogPrompts.ReminderConfirmed(appointment.Service, When(turn.Context, appointment)), hangUp: state.ShopCalled);
    }

    /// <summary>The shop's own call ends once the reminder is answered; a caller who phoned in is asked what else they need.</summary>
    private static AgentReply EndOrCarryOn(TurnInput turn, string said, bool hangUp) =>
        hangUp ? AgentReply.Hangup(DialogPrompts.ThenGoodbye(said, turn.Thanks)) : AgentReply.Listen(DialogPrompts.ThenAnythingElse(said));

    /// <summary>The key pressed, or said on its own ("1", "one"), with the meaning the reminder gave it.</summary>
    private static Answer? Key(CallerInput input)
    {
        var key = !string.IsNullOrWhiteSpace(input.Digits) ? input.Digits.Trim() : Phrases.Normalise(input.Speech ?? string.Empty);
        return key switch
        {
            "1" or "one" => Answer.Confirm,
            "2" or "two" => Answer.Reschedule,
            "3" or "three" => Answer.Cancel,
            "0" or "zero" => Answer.Person,
            _ => null,
        };
    }

    private static Answer FromWords(TurnInput turn, CallerIntent intent, Appointment appointment)
    {
        var stage = turn.State.Stage;
        if (intent == CallerIntent.Cancel)
        {
            return Answer.Cancel;
        }

        if (intent == CallerIntent.Reschedule)
        {
            return Answer.Reschedule; // "I can't make it", "can I move it to Friday"
        }

        if (intent is CallerIntent.Hours or CallerIntent.Faq or CallerIntent.Price or CallerIntent.TextMessage)
        {
            return Answer.SideQuestion;
        }

        var aboutIt = turn.Service is null || turn.Service.Name == appointment.Service;
        if (aboutIt && (intent is CallerIntent.Unknown or CallerIntent.Book or CallerIntent.Thanks) && NamesAnotherTime(turn, appointment))
        {
            return Answer.Reschedule; // "Friday at 11 would be better", "could we do an hour later"
        }

        var bare = intent is CallerIntent.Unknown or CallerIntent.Thanks or CallerIntent.Goodbye;
        switch (turn.YesNo)
        {
            // "yes, I'll be there, thanks", "yep, I'll bring it in": a yes to "can you make it?"; to "reschedule or cancel?" it says neither.
            case YesNoAnswer.Yes when aboutIt && (bare || intent is CallerIntent.Book or CallerIntent.ListAppointments):
                return stage == DialogStage.AwaitReminderAnswer ? Answer.Confirm : Answer.Unclear;
            case YesNoAnswer.No when aboutIt && bare:
                return stage == DialogStage.AwaitReminderAnswer ? Answer.No : Answer.Keep;
        }

        if (intent == CallerIntent.Goodbye)
        {
            return Answer.Keep;
        }

        return intent == CallerIntent.Unknown && turn.Service is null && turn.Phrase is null ? Answer.Unclear : Answer.Other;
    }

    /// <summary>A day or time other than the appointment's ("Friday would be better", "an hour later"): a move.</summary>
    private static bool NamesAnotherTime(TurnInput turn, Appointment appointment)
    {
        if (RelativeToFocus.Shift(turn.Text) is not null)
        {
            return true;
        }

        var time = turn.Tenant.Time;
        return turn.Phrase is { } phrase
            && ((phrase.Date is { } day && day != time.DayOf(appointment.Start))
                || (phrase.Time is { } at && at != time.TimeOf(appointment.Start))
                || phrase.DaysAfterContext is not null and not 0);
    }

    /// <summary>Hours, the address, a price ("how much is that" is the appointment's service) or a text: answered, then the question again.</summary>
    private static async Task<AgentReply> SideAnswerAsync(TurnInput turn, CallerIntent intent, CancellationToken cancellationToken)
    {
        var prompt = turn.State.Prompt ?? DialogPrompts.AnythingElse;
        return intent switch
        {
            CallerIntent.Price => FocusFollowUp.PriceOfFocus(turn, then: prompt),
            CallerIntent.TextMessage => await CapabilityAnswers.AnswerAsync(turn, intent, cancellationToken) ?? PendingQuestion.Reprompt(turn.State, DialogPrompts.DidNotGet),
            _ => AgentReply.Listen($"{turn.Tools.BusinessInfo(turn.Text)} {prompt}"),
        };
    }

    private static string When(ConversationContext context, Appointment appointment) => SlotSpeech.WhenFrom(context.Tenant, appointment.Start, context.Now);
}
