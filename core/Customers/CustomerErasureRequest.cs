using System.Diagnostics.CodeAnalysis;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Customers;

/// <summary>Which customer a deletion request is for: their id, or their phone number in E.164 (one of the two).</summary>
public sealed record CustomerErasureRequest
{
    private CustomerErasureRequest(string? customerId, string? phone)
    {
        CustomerId = customerId;
        Phone = phone;
    }

    public string? CustomerId { get; }

    /// <summary>E.164, exactly as stored (<c>+15555550101</c>).</summary>
    public string? Phone { get; }

    /// <summary>Accepts exactly one of a customer id and an E.164 number; otherwise says what is wrong in <paramref name="error"/>.</summary>
    public static bool TryCreate(string? customerId, string? phone, [NotNullWhen(true)] out CustomerErasureRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        var hasId = !string.IsNullOrWhiteSpace(customerId);
        var hasPhone = !string.IsNullOrWhiteSpace(phone);
        if (hasId == hasPhone)
        {
            error = "Give exactly one of customerId and phone.";
            return false;
        }

        if (hasId)
        {
            error = customerId!.Length > 200 || customerId.Any(char.IsControl) || customerId.IndexOfAny(['/', '\\', '#', '?']) >= 0
                ? "customerId is not a customer id."
                : null;
            request = error is null ? new CustomerErasureRequest(customerId.Trim(), null) : null;
            return error is null;
        }

        if (!IsE164(phone!))
        {
            error = "phone must be an E.164 number, e.g. +15555550101.";
            return false;
        }

        error = null;
        request = new CustomerErasureRequest(null, phone);
        return true;
    }

    /// <summary>A plus, then 8 to 15 digits, and a number as the parser writes it back (no national or spaced forms).</summary>
    private static bool IsE164(string phone) =>
        phone.Length is >= 9 and <= 16 && phone[0] == '+' && phone.Skip(1).All(char.IsAsciiDigit)
        && PhoneNumber.TryParse(phone, "US", out var parsed) && parsed.E164 == phone;
}
