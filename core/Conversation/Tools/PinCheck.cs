namespace VoiceAgent.Core.Conversation.Tools;

public enum PinCheck
{
    Verified,
    Wrong,
    /// <summary>Too many wrong attempts on this call: hand the caller to a person.</summary>
    Locked,
}
