namespace VoiceAgent.Core.Conversation;

/// <summary>The agent's answer for one turn: what to say and what to do next.</summary>
public sealed record AgentReply(string Speech, CallAction Action = CallAction.Listen, string? TransferTo = null)
{
    public static AgentReply Listen(string speech) => new(speech);

    public static AgentReply Transfer(string speech, string target) => new(speech, CallAction.Transfer, target);

    public static AgentReply Hangup(string speech) => new(speech, CallAction.Hangup);
}
