using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Honest answers to requests the offline agent understands but cannot fully serve from the call: walk-ins, repair
/// status, another language, texts (the shop texts a confirmation after the call's booking), messages. Each says
/// what is true for this call and offers what it can do instead.
/// Asked in the middle of a task, the answer ends with the pending question, and an offer comes back to it.
/// </summary>
internal static class CapabilityAnswers
{
    /// <summary>Said first, in Spanish, to a caller who asks for another language; the English offer follows.</summary>
    public static readonly SpokenPart NoSpanish = new(DialogPrompts.NoSpanish, "es-US");

    /// <summary>The answer to one of these requests, or null for any other intent.</summary>
    public static async Task<AgentReply?> AnswerAsync(TurnInput turn, CallerIntent intent, CancellationToken cancellationToken) => intent switch
    {
        CallerIntent.WalkIn => WalkIn(turn),
        CallerIntent.JobStatus => HandoffFlow.AskForMessage(turn, DialogPrompts.NoRepairStatus),
        CallerIntent.OtherLanguage => HandoffFlow.Offer(turn, DialogPrompts.EnglishOnly, NoSpanish),
        CallerIntent.LeaveMessage => HandoffFlow.AskForMessage(turn, DialogPrompts.OfCourse),
        CallerIntent.TextMessage => await TextMessageAsync(turn, cancellationToken),
        _ => null,
    };

    /// <summary>
    /// The same answer in the middle of a task, when the utterance carries nothing for the pending question
    /// (no day, time, service, yes or no: "yes, and text me" at a read-back is a yes).
    /// </summary>
    public static Task<AgentReply?> AnswerMidTaskAsync(TurnInput turn, CallerIntent intent, CancellationToken cancellationToken) =>
        turn.State.Stage is DialogStage.None or DialogStage.AwaitName || turn.Phrase is not null || turn.Service is not null || turn.YesNo != YesNoAnswer.Unclear
            ? Task.FromResult<AgentReply?>(null)
            : AnswerAsync(turn, intent, cancellationToken);

    private static AgentReply WalkIn(TurnInput turn)
    {
        var state = turn.State;
        var faq = turn.Tenant.Faq.FirstOrDefault(f =>
            f.Topic.Contains("walk", StringComparison.OrdinalIgnoreCase) || f.Keywords.Any(k => k.Contains("walk", StringComparison.OrdinalIgnoreCase)));
        var answer = faq?.Answer ?? DialogPrompts.NoWalkInPromise;
        if (state.Stage != DialogStage.None)
        {
            return AgentReply.Listen(DialogPrompts.WalkInMidTask(answer, state.Prompt ?? string.Empty));
        }

        state.PendingOffer = FollowUpOffer.Booking; // "yes" starts a booking
        return AgentReply.Listen(DialogPrompts.WalkInOffer(answer));
    }

    /// <summary>
    /// "Text me the confirmation": the shop texts one after every booking, change or cancellation (the booking workflow,
    /// after the turn that wrote it), except to a number that replied STOP. Says which bookings of this call it confirms.
    /// </summary>
    private static async Task<AgentReply> TextMessageAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var booked = state.Booked;
        var appointments = booked.Count == 0
            ? []
            : (await turn.Tools.ListMyAppointmentsAsync(cancellationToken)).Where(a => booked.Contains(a.Id)).ToList();
        var answer = appointments.Count == 0
            ? DialogPrompts.TextOnceBooked
            : DialogPrompts.TextComing(string.Join(", and ", appointments.Select(a => SlotSpeech.Appointment(turn.Tenant, a))));
        return AgentReply.Listen(DialogPrompts.ThenNext(answer, (state.Stage == DialogStage.None ? DialogPrompts.AnythingElse : state.Prompt) ?? string.Empty));
    }
}
