using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Conversation.Tools;

/// <summary>Creates the tool set for one call, bound to that call's verified caller.</summary>
public sealed class AgentToolsFactory(SchedulingService scheduling, CustomerStore customers)
{
    public AgentTools For(ConversationContext context, DialogState state) => new(scheduling, customers, context, state);
}
