using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.WebPubSubHost.Realtime;

/// <summary>
/// What the caller hears when a real-time turn failed on our side: the same apology as on Gather, then the shop's desk
/// (or the end of the call, when the shop has none).
/// </summary>
public static class TurnApology
{
    public static AgentReply For(TenantProfile? tenant) => tenant?.DefaultTransferTarget is { } target
        ? AgentReply.Transfer($"I'm sorry, I'm having trouble on my end. Let me connect you with our {target.Department}.", target.Target)
        : AgentReply.Hangup("I'm sorry, we're having technical difficulties right now. Please call back in a few minutes. Goodbye.");
}
