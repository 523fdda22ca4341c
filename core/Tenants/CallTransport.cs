namespace VoiceAgent.Core.Tenants;

/// <summary>How a shop's inbound calls carry speech.</summary>
public enum CallTransport
{
    /// <summary>One webhook per turn: Twilio recognises with <c>&lt;Gather&gt;</c> and speaks with <c>&lt;Say&gt;</c>.</summary>
    Gather,

    /// <summary>ConversationRelay: Twilio recognises and speaks; the real-time host exchanges text with it over a WebSocket.</summary>
    Relay,

    /// <summary>Media Streams: the real-time host takes the raw audio (its own voice activity, recognition and synthesis).</summary>
    Stream,
}
