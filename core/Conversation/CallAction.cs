namespace VoiceAgent.Core.Conversation;

/// <summary>What happens to the call after the agent speaks.</summary>
public enum CallAction
{
    /// <summary>Listen for the caller's next words.</summary>
    Listen,
    /// <summary>Hand the call to a person (<see cref="AgentReply.TransferTo"/>).</summary>
    Transfer,
    /// <summary>Say goodbye and hang up.</summary>
    Hangup,
}
