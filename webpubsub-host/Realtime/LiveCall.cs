using VoiceAgent.Core.Calls;

namespace VoiceAgent.WebPubSubHost.Realtime;

/// <summary>The call a real-time connection carries, once its claim checked out: the call as core knows it, and its session.</summary>
public sealed record LiveCall(InboundCall Call, CallSession Session);
