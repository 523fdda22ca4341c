namespace VoiceAgent.Core.Conversation;

/// <summary>Runs the conversation one turn at a time. Implementations keep everything they need in <see cref="DialogState"/>.</summary>
public interface IConversationEngine
{
    AgentReply Greet(ConversationContext context, DialogState state);

    Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken);
}
