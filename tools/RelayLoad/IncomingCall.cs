using System.Security.Cryptography;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.RelayLoad;

/// <summary>A new call to the demo shop, answered as the incoming-call webhook answers it (the greeting and the call's session).</summary>
internal static class IncomingCall
{
    public static async Task<InboundCall> AnswerAsync(InboundCallService calls, string callerNumber, CancellationToken cancellationToken)
    {
        var sid = CallSid.TryParse("CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), out var parsed)
            ? parsed
            : throw new InvalidOperationException("not a CallSid");
        var call = new InboundCall(sid, PhoneNumber.Parse(DemoTenant.Number), PhoneNumber.Parse(callerNumber));
        await calls.AnswerAsync(call, cancellationToken);
        return call;
    }
}
