using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// The deterministic, zero-key dialog engine: booking, moving and cancelling appointments, hours, address and
/// price questions, transfer to a department, PIN verification, reminders (confirm, move or cancel), and goodbye;
/// honest answers to what it cannot do (walk-ins, repair status, other languages) and to "text me" (the shop texts a
/// confirmation). Reprompts on silence and offers a person (or a message when the shop is closed) after repeated
/// failure. It acts only through <see cref="AgentTools"/>.
/// </summary>
public sealed class OfflineDialogEngine(AgentToolsFactory toolsFactory) : IConversationEngine
{
    public const int MaxSilences = 2;
    public const int MaxMisunderstandings = 2;

    public AgentReply Greet(ConversationContext context, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        return context is { PendingReminder: { } pending, Customer: { } customer }
            ? ReminderFlow.OfferPending(context, state, pending, customer.FirstName)
            : AgentReply.Listen(DialogPrompts.Greeting(context.Tenant.Name, context.Customer?.FirstName));
    }

    public AgentReply GreetForReminder(ConversationContext context, DialogState state, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(appointment);
        return ReminderFlow.Remind(context, state, appointment);
    }

    public async Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var tenant = context.Tenant;
        if (input.IsEmpty)
        {
            state.Silences++;
            if (state.Stage == DialogStage.AwaitVehicle)
            {
                return VehicleFlow.NoAnswer(state); // silence to the car question is "I don't know": the booking stands, the call goes on
            }

            return state.Silences >= MaxSilences
                ? AgentReply.Hangup(DialogPrompts.SilenceGoodbye(DialogPrompts.Thanks(tenant.Name, state.ShopCalled)))
                : AgentReply.Listen(DialogPrompts.DidNotHear(state.Prompt ?? DialogPrompts.HowCanIHelp));
        }

        state.Silences = 0;
        var turn = new TurnInput(context, state, input, toolsFactory.For(context, state));
        var reply = await RouteAsync(turn, cancellationToken);
        if (!turn.NotUnderstood)
        {
            state.Misunderstandings = 0;
            return reply;
        }

        // Only turns where nothing was understood count; after repeated failure a person (or, when the shop is
        // closed, a message) is offered, never forced. A flow's own hand-over (PIN lockout) stands.
        state.Misunderstandings++;
        return state.Misunderstandings >= MaxMisunderstandings && reply.Action == CallAction.Listen
            ? HandoffFlow.Offer(turn, DialogPrompts.TroubleUnderstanding)
            : reply;
    }

    /// <summary>
    /// Carries on a call another engine (the model) was holding, from the call state its tools kept, without new words
    /// from the caller: a booking or move with a service is taken from where it stands (the slot checked again, then
    /// read back or alternatives offered), a cancellation is read back, anything else asks how to help.
    /// </summary>
    public async Task<AgentReply> ResumeAsync(ConversationContext context, DialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var turn = new TurnInput(context, state, new CallerInput(null), toolsFactory.For(context, state));
        if (state.Task is DialogTask.Book or DialogTask.Reschedule && state.Service is not null)
        {
            return await BookingFlow.AdvanceAsync(turn, cancellationToken);
        }

        if (state.Task == DialogTask.Cancel && state.AppointmentId is { } id
            && (await turn.Tools.ListMyAppointmentsAsync(cancellationToken)).FirstOrDefault(a => a.Id == id) is { } appointment)
        {
            return await AppointmentChangeFlow.ChangeAsync(turn, DialogTask.Cancel, appointment, takeWords: false, cancellationToken);
        }

        state.ClearTask();
        return PendingQuestion.Ask(state, DialogStage.None, DialogPrompts.HowCanIHelp);
    }

    private static async Task<AgentReply> RouteAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var offer = FollowUp.Take(turn.State);
        return FollowUp.Remember(turn.State, await RouteTurnAsync(turn, offer, cancellationToken));
    }

    private static async Task<AgentReply> RouteTurnAsync(TurnInput turn, FollowUpOffer offer, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var tenant = turn.Tenant;
        if (state.Stage == DialogStage.AwaitStaffMessage)
        {
            return HandoffFlow.TakeMessage(turn); // whatever is said is the message, even "call me, I want to talk to someone"
        }

        var intent = IntentClassifier.Classify(turn.Text, tenant);
        if (intent == CallerIntent.Transfer)
        {
            return TransferTo(turn, IntentClassifier.FindDepartment(turn.Text, tenant) ?? tenant.DefaultTransferTarget, DialogPrompts.ConnectLead);
        }

        // A reminder's answer (a key, yes, no, move, cancel); any other request drops the reminder and is routed below.
        if (ReminderFlow.IsAwaiting(state.Stage) && await ReminderFlow.AnswerAsync(turn, intent, cancellationToken) is { } reminderAnswer)
        {
            return reminderAnswer;
        }

        // The car question after a booking takes any answer; a new request instead (null) is routed as usual below.
        if (state.Stage == DialogStage.AwaitVehicle && await VehicleFlow.ContinueAsync(turn, intent, cancellationToken) is { } vehicleAnswer)
        {
            return vehicleAnswer;
        }

        // An offer answered with neither yes nor no puts the pending question back and routes the turn as usual.
        if (HandoffFlow.IsOffer(state.Stage) && HandoffFlow.Answer(turn) is { } offerAnswer)
        {
            return offerAnswer;
        }

        if (await CapabilityAnswers.AnswerMidTaskAsync(turn, intent, cancellationToken) is { } honest)
        {
            return honest;
        }

        if (state.Stage != DialogStage.None)
        {
            if (intent == CallerIntent.Goodbye && turn.YesNo != YesNoAnswer.Yes)
            {
                // The caller is leaving mid-task: nothing was written without a yes, so just say goodbye.
                state.ClearTask();
                return AgentReply.Hangup(DialogPrompts.LeavingGoodbye(turn.Thanks));
            }

            if (Abandons(state, intent, turn))
            {
                // "Never mind", or "actually, cancel it" at a booking's read-back: nothing is written.
                var abandoned = DialogPrompts.Abandoned(state.Task);
                state.ClearTask();
                return AgentReply.Listen(abandoned);
            }

            if (intent == CallerIntent.Price && turn.Phrase is null)
            {
                // "How much is that?" or "how much is a tire rotation?" mid-task: answered, then the pending question again.
                return FocusFollowUp.PriceOfFocus(turn, then: state.Prompt ?? DialogPrompts.AnythingElse);
            }

            if (SwitchesTask(state, intent, turn) is { } switchTo)
            {
                // The caller changed their mind ("actually, I need an oil change Friday at 10"): start over on that.
                state.ClearTask();
                return switchTo == DialogTask.Book
                    ? await BookingFlow.StartAsync(turn, cancellationToken)
                    : await AppointmentChangeFlow.StartAsync(turn, switchTo, cancellationToken);
            }

            if (intent is CallerIntent.Hours or CallerIntent.Faq && turn.Phrase is null && turn.Service is null)
            {
                return AgentReply.Listen($"{turn.Tools.BusinessInfo(turn.Text)} {state.Prompt}");
            }

            if (state.Stage == DialogStage.AwaitConfirmation && state.Task == DialogTask.Reschedule
                && await AppointmentChangeFlow.RepickAsync(turn, cancellationToken) is { } repicked)
            {
                return repicked;
            }

            return state.Stage switch
            {
                DialogStage.AwaitAccountPhone or DialogStage.AwaitAccountName or DialogStage.AwaitPin => await IdentityFlow.ContinueAsync(turn, cancellationToken),
                DialogStage.AwaitAppointmentChoice => await AppointmentChangeFlow.ContinueAsync(turn, cancellationToken),
                DialogStage.AwaitConfirmation when state.Task == DialogTask.Cancel => await AppointmentChangeFlow.ContinueAsync(turn, cancellationToken),
                _ => await BookingFlow.ContinueAsync(turn, cancellationToken),
            };
        }

        if (await FollowUp.AnswerAsync(turn, offer, intent, cancellationToken) is { } followUp)
        {
            return followUp;
        }

        if (await FocusFollowUp.AnswerAsync(turn, intent, cancellationToken) is { } focused)
        {
            return focused;
        }

        switch (intent)
        {
            case CallerIntent.Cancel:
                return await AppointmentChangeFlow.StartAsync(turn, DialogTask.Cancel, cancellationToken);
            case CallerIntent.Reschedule:
                return await AppointmentChangeFlow.StartAsync(turn, DialogTask.Reschedule, cancellationToken);
            case CallerIntent.ListAppointments:
                return await AppointmentChangeFlow.StartAsync(turn, DialogTask.ListAppointments, cancellationToken);
            case CallerIntent.Book:
                return await BookingFlow.StartAsync(turn, cancellationToken);
            case CallerIntent.Hours:
            case CallerIntent.Faq:
                return AgentReply.Listen(DialogPrompts.ThenAnythingElse(turn.Tools.BusinessInfo(turn.Text)));
            case CallerIntent.Goodbye:
                return AgentReply.Hangup(DialogPrompts.Goodbye(turn.Thanks));
            case CallerIntent.Price:
                var service = turn.Service!;
                state.Service = service.Name; // "can I book one?" or "yes" next means this service
                state.FocusService = service.Name;
                state.PendingOffer = FollowUpOffer.Booking;
                return AgentReply.Listen(service.Price is not null
                    ? DialogPrompts.ThenOfferBooking(DialogPrompts.Price(service.Name, service.Price))
                    : DialogPrompts.ThenOfferBookingOrQuote(DialogPrompts.Price(service.Name, service.Price)));
            case CallerIntent.Thanks:
                return AgentReply.Listen(DialogPrompts.YoureWelcome);
            default:
                // Walk-ins, repair status, another language, texts, a message: understood, answered honestly.
                if (await CapabilityAnswers.AnswerAsync(turn, intent, cancellationToken) is { } capability)
                {
                    return capability;
                }

                if (ServiceMatcher.SharingAWord(turn.Text, tenant).Count > 1)
                {
                    return await BookingFlow.StartAsync(turn, cancellationToken); // "I need an inspection": which one?
                }

                turn.NotUnderstood = true;
                return AgentReply.Listen(DialogPrompts.NotUnderstood);
        }
    }

    /// <summary>
    /// A new task stated in the middle of another: a booking with a service named while cancelling, moving or
    /// proving identity; or a cancellation, move or listing while booking (not at the read-back, where "cancel that"
    /// means "don't book"). Choosing which appointment to cancel or move, or at its read-back, "the oil change" names
    /// one of the caller's appointments: <see cref="AppointmentChangeFlow"/> starts a booking only for a service none of them is for.
    /// </summary>
    private static DialogTask? SwitchesTask(DialogState state, CallerIntent intent, TurnInput turn) => intent switch
    {
        CallerIntent.Book when state.Task != DialogTask.Book && turn.Service is not null && !ChoosingAppointment(state) => DialogTask.Book,
        CallerIntent.Cancel when state.Task == DialogTask.Book && state.Stage != DialogStage.AwaitConfirmation => DialogTask.Cancel,
        // "Can you change it to three" while booking: "it" is the booking being made, so the time is taken, not a move.
        CallerIntent.Reschedule when state.Task == DialogTask.Book && state.Stage != DialogStage.AwaitConfirmation && !Phrases.RefersBack(turn.Text) => DialogTask.Reschedule,
        CallerIntent.ListAppointments when state.Task == DialogTask.Book && state.Stage != DialogStage.AwaitConfirmation => DialogTask.ListAppointments,
        _ => null,
    };

    /// <summary>"Never mind" during a task, or "cancel that" at a booking's read-back (with no new day, time or service).</summary>
    private static bool Abandons(DialogState state, CallerIntent intent, TurnInput turn) =>
        turn.Phrase is null && state.Task != DialogTask.None
        && ((intent == CallerIntent.NeverMind && (turn.Service is null || turn.Service.Name == state.Service)) // "never mind the oil change"
            || (intent == CallerIntent.Cancel && turn.Service is null && state.Task == DialogTask.Book && state.Stage == DialogStage.AwaitConfirmation));

    private static bool ChoosingAppointment(DialogState state) =>
        state.Stage == DialogStage.AwaitAppointmentChoice
        || (state.Stage == DialogStage.AwaitConfirmation && state.Task is DialogTask.Cancel or DialogTask.Reschedule);

    private static AgentReply TransferTo(TurnInput turn, TransferTarget? target, string lead)
    {
        turn.State.ClearTask();
        return target is null
            ? AgentReply.Hangup(DialogPrompts.NobodyToTransferTo)
            : AgentReply.Transfer(DialogPrompts.Connecting(lead, target.Department), target.Target);
    }
}
