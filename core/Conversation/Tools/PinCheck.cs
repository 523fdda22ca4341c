namespace VoiceAgent.Core.Conversation.Tools;

public enum PinCheck
{
    Verified,
    Wrong,
    /// <summary>Too many wrong attempts on this call: hand the caller to a person.</summary>
    Locked,
    /// <summary>The name given matches only accounts with no PIN: the caller cannot be verified by phone.</summary>
    NoPinOnAccount,
}
