using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Conversation.Tools;

/// <summary>Creates the tool set for one call, bound to that call's verified caller.</summary>
public sealed class AgentToolsFactory(SchedulingService scheduling, CustomerStore customers, IVinDecoder vins)
{
    public AgentTools For(ConversationContext context, DialogState state) => new(scheduling, customers, vins, context, state);
}
