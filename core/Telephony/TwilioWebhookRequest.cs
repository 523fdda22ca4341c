using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace VoiceAgent.Core.Telephony;

/// <summary>A webhook after the signature check: its verified form, or the answer to give instead.</summary>
public sealed record TwilioWebhookRequest
{
    private TwilioWebhookRequest(IFormCollection? form, IResult? rejection)
    {
        Form = form;
        Rejection = rejection;
    }

    public IFormCollection? Form { get; }

    /// <summary>400 (not a form) or 403 (signature missing or wrong); nothing was read or written.</summary>
    public IResult? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Form))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsVerified => Form is not null;

    public static TwilioWebhookRequest Verified(IFormCollection form) => new(form, null);

    public static TwilioWebhookRequest Rejected(IResult rejection) => new(null, rejection);
}
