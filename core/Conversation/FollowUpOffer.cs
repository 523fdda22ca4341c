namespace VoiceAgent.Core.Conversation;

/// <summary>A question asked with no task under way, which a bare yes or no answers.</summary>
public enum FollowUpOffer
{
    None,

    /// <summary>"Is there anything else I can help you with?": no ends the call, yes asks what.</summary>
    AnythingElse,

    /// <summary>"Would you like to book one?" after a price: yes books <see cref="DialogState.Service"/>.</summary>
    Booking,
}
