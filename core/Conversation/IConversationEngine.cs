using VoiceAgent.Core.Appointments;

namespace VoiceAgent.Core.Conversation;

/// <summary>Runs the conversation one turn at a time. Implementations keep everything they need in <see cref="DialogState"/>.</summary>
public interface IConversationEngine
{
    /// <summary>The greeting of an inbound call; with <see cref="ConversationContext.PendingReminder"/>, the offer to confirm, change or cancel it.</summary>
    AgentReply Greet(ConversationContext context, DialogState state);

    /// <summary>
    /// The first words of the shop's reminder call, once the customer (<see cref="ConversationContext.Customer"/>) answers:
    /// the reminder of <paramref name="appointment"/> (theirs, booked) and the question whether they can make it. Later
    /// turns go through <see cref="RespondAsync"/>.
    /// </summary>
    AgentReply GreetForReminder(ConversationContext context, DialogState state, Appointment appointment);

    Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken);
}
