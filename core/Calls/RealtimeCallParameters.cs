namespace VoiceAgent.Core.Calls;

/// <summary>
/// The <c>&lt;Parameter&gt;</c> values that name a call to the real-time host (ConversationRelay's <c>customParameters</c>,
/// Media Streams' <c>start.customParameters</c>). The host trusts them only when they name a live call session whose
/// call id is the one Twilio itself reports for the connection.
/// </summary>
public static class RealtimeCallParameters
{
    public const string TenantId = "tenantId";
    public const string CallSid = "callSid";

    public static IReadOnlyDictionary<string, string> For(string tenantId, string callSid) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [TenantId] = tenantId, [CallSid] = callSid };
}
