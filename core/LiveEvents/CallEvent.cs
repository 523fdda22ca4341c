using System.Text.Json.Serialization;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// A live call event for the staff dashboard, one tenant's and one call's. The JSON is the same on Azure Web PubSub and on
/// the local fan-out: <c>{"type":"…","tenantId":"…","callSid":"…","at":"…", …}</c>. Phone numbers are never in them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CallStarted), "callStarted")]
[JsonDerivedType(typeof(CallEnded), "callEnded")]
[JsonDerivedType(typeof(CallerTranscript), "transcript")]
[JsonDerivedType(typeof(AgentSentence), "agentSentence")]
[JsonDerivedType(typeof(ToolCalled), "toolCall")]
[JsonDerivedType(typeof(BargedIn), "bargeIn")]
[JsonDerivedType(typeof(TurnLatency), "turnLatency")]
[JsonDerivedType(typeof(CallTransferred), "transfer")]
public abstract record CallEvent(
    [property: JsonPropertyOrder(-3)] string TenantId,
    [property: JsonPropertyOrder(-2)] string CallSid,
    [property: JsonPropertyOrder(-1)] DateTimeOffset At);

/// <summary>A real-time call began on <paramref name="Transport"/> (<c>relay</c> or <c>stream</c>).</summary>
public sealed record CallStarted(string TenantId, string CallSid, DateTimeOffset At, string Transport, string? CustomerFirstName) : CallEvent(TenantId, CallSid, At);

/// <summary>The call's session ended: <paramref name="Reason"/> is e.g. <c>hangup</c>, <c>transfer</c>, <c>goodbye</c>, <c>drained</c>.</summary>
public sealed record CallEnded(string TenantId, string CallSid, DateTimeOffset At, string Reason) : CallEvent(TenantId, CallSid, At);

/// <summary>What the caller said so far (<paramref name="Final"/> false: an interim transcript) or in all.</summary>
public sealed record CallerTranscript(string TenantId, string CallSid, DateTimeOffset At, string Text, bool Final) : CallEvent(TenantId, CallSid, At);

/// <summary>One sentence the agent says.</summary>
public sealed record AgentSentence(string TenantId, string CallSid, DateTimeOffset At, string Text) : CallEvent(TenantId, CallSid, At);

/// <summary>A tool began (<paramref name="Finished"/> false) or ended.</summary>
public sealed record ToolCalled(string TenantId, string CallSid, DateTimeOffset At, string Tool, bool Finished) : CallEvent(TenantId, CallSid, At);

/// <summary>The caller spoke over the agent; <paramref name="Heard"/> is what of the reply they heard.</summary>
public sealed record BargedIn(string TenantId, string CallSid, DateTimeOffset At, string Heard) : CallEvent(TenantId, CallSid, At);

/// <summary>From the end of the caller's speech to the agent's first audio or text out, in milliseconds.</summary>
public sealed record TurnLatency(string TenantId, string CallSid, DateTimeOffset At, int Turn, double Milliseconds) : CallEvent(TenantId, CallSid, At);

/// <summary>The agent handed the call to <paramref name="Department"/> (its name, never the number).</summary>
public sealed record CallTransferred(string TenantId, string CallSid, DateTimeOffset At, string Department) : CallEvent(TenantId, CallSid, At);
