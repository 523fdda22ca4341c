using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Bare yes/no answers to a question asked with no task under way: "Is there anything else I can help you with?"
/// (no ends the call, yes asks what) and "Would you like to book one?" after a price (yes starts that booking).
/// </summary>
internal static class FollowUp
{
    /// <summary>Takes the offer the last reply made; each reply makes its own (see <see cref="Remember"/>).</summary>
    public static FollowUpOffer Take(DialogState state)
    {
        var offer = state.PendingOffer;
        state.PendingOffer = FollowUpOffer.None;
        return offer;
    }

    /// <summary>Notes the offer a reply ends with, unless the flow already named one.</summary>
    public static AgentReply Remember(DialogState state, AgentReply reply)
    {
        if (state.PendingOffer == FollowUpOffer.None && state.Stage == DialogStage.None && reply.Action == CallAction.Listen
            && (reply.Speech.EndsWith(DialogPrompts.AnythingElse, StringComparison.Ordinal) || reply.Speech.EndsWith(DialogPrompts.WhatElse, StringComparison.Ordinal)))
        {
            state.PendingOffer = FollowUpOffer.AnythingElse;
        }

        return reply;
    }

    /// <summary>
    /// The answer to the pending offer, or to a price question with an offer to book; null when the caller said
    /// something else (a new request).
    /// </summary>
    public static async Task<AgentReply?> AnswerAsync(TurnInput turn, FollowUpOffer offer, CallerIntent intent, CancellationToken cancellationToken)
    {
        var state = turn.State;
        // "no, I need to cancel my appointment" or "yes, how much is a tire rotation" is a new request, not an answer.
        var bare = intent is CallerIntent.Unknown or CallerIntent.Thanks or CallerIntent.Goodbye;
        switch (offer)
        {
            case FollowUpOffer.AnythingElse when turn.YesNo == YesNoAnswer.No && bare:
                return AgentReply.Hangup(DialogPrompts.AnythingElseDeclined(turn.Thanks));
            case FollowUpOffer.AnythingElse when turn.YesNo == YesNoAnswer.Yes && intent == CallerIntent.Unknown && turn.Phrase is null:
                return AgentReply.Listen(DialogPrompts.WhatElse);
            case FollowUpOffer.Booking when turn.YesNo == YesNoAnswer.Yes && (bare || intent == CallerIntent.Book) && intent != CallerIntent.Goodbye
                && (turn.Service is null || turn.Service.Name == state.Service):
                return await BookingFlow.StartAsync(turn, cancellationToken);
            case FollowUpOffer.Booking when turn.YesNo == YesNoAnswer.No && bare:
                state.Service = null;
                return AgentReply.Listen(DialogPrompts.NoProblemAnythingElse);
        }

        return intent == CallerIntent.Faq && turn.Service is { } service && IsPriceAnswer(turn) ? OfferBooking(turn, service.Name) : null;
    }

    /// <summary>"How much is an oil change?" answered from the shop's answers, then "Would you like to book one?".</summary>
    private static AgentReply OfferBooking(TurnInput turn, string service)
    {
        turn.State.Service = service;
        turn.State.PendingOffer = FollowUpOffer.Booking;
        return AgentReply.Listen(DialogPrompts.ThenOfferBooking(turn.Tools.BusinessInfo(turn.Text)));
    }

    private static bool IsPriceAnswer(TurnInput turn) =>
        IntentClassifier.FindFaq(turn.Text, turn.Tenant) is { } faq && faq.Topic.Contains("price", StringComparison.OrdinalIgnoreCase);
}
