using System.Diagnostics.CodeAnalysis;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The first step of every voice webhook: the signature check (403, nothing read or written), then the call the form
/// names (400 if it names none).
/// </summary>
public sealed class CallWebhookReader(TwilioWebhookVerifier twilio)
{
    public async Task<CallWebhook> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var webhook = await twilio.ReadAsync(request, request.HttpContext.RequestAborted);
        if (!webhook.IsVerified)
        {
            return new CallWebhook(null, null, webhook.Rejection);
        }

        return VoiceWebhookForm.TryReadCall(webhook.Form, out var call, out var error)
            ? new CallWebhook(call, webhook.Form, null)
            : new CallWebhook(null, null, TypedResults.BadRequest(error));
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Twiml(string xml) => TypedResults.Text(xml, VoiceReplyRenderer.ContentType);
}

/// <summary>A verified webhook about a call: the call and its form, or the answer to give instead.</summary>
public sealed record CallWebhook(InboundCall? Call, IFormCollection? Form, IResult? Refusal)
{
    [MemberNotNullWhen(true, nameof(Call), nameof(Form))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsCall => Refusal is null;
}
