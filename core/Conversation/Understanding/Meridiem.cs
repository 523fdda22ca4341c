namespace VoiceAgent.Core.Conversation.Understanding;

internal enum Meridiem
{
    None,
    Am,
    Pm,
}
