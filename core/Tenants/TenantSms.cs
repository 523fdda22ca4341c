namespace VoiceAgent.Core.Tenants;

/// <summary>
/// Which texts one shop sends its customers, and from which number. The defaults are what every shop did before the
/// setting existed: all texts on, sent from the shop's own number (<see cref="TenantProfile.PhoneNumber"/>).
/// </summary>
public sealed record TenantSms
{
    /// <summary>Every text on, from the shop's number.</summary>
    public static TenantSms Default { get; } = new();

    /// <summary>
    /// The text that confirms a change made on a call: the booking, the move, the cancellation. Off: none is sent, and
    /// the appointment's notice records it as skipped by the shop's settings.
    /// </summary>
    public bool SendsConfirmations { get; init; } = true;

    /// <summary>
    /// The reminder's text when its calls went unanswered (or no calling window was left). Off: none is sent, the notice
    /// records it as skipped by the shop's settings, and the reminder ends unreached rather than texted.
    /// </summary>
    public bool SendsReminderTexts { get; init; } = true;

    /// <summary>
    /// The number texts come from (E.164, a Twilio number of the account that can send SMS). Null: the shop's
    /// <see cref="TenantProfile.PhoneNumber"/>, the number its customers call.
    /// </summary>
    public string? FromNumber { get; init; }

    /// <summary>The number this shop's texts come from: <see cref="FromNumber"/>, else <paramref name="shopNumber"/>.</summary>
    public string SenderFor(string shopNumber) => string.IsNullOrWhiteSpace(FromNumber) ? shopNumber : FromNumber;
}
