using System.Globalization;
using PhoneNumbers;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Messaging;

/// <summary>
/// The texts a customer gets about an appointment: who (the shop), what (the service), when (in the shop's zone,
/// "Wed, Dec 2 at 9:00 AM"), how to change it (call the shop), and how to stop texts. Plain GSM characters only, so each
/// fits one or two SMS segments.
/// </summary>
public sealed class AppointmentTexts
{
    private const string OptOutLine = "Reply STOP to opt out.";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The texts' language: English (US) words and date formats.</summary>
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-US");

    public string Booked(TenantProfile tenant, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        return $"{tenant.Name}: your {appointment.Service} is booked for {When(tenant, appointment.Start)}. To change it, call us at {ShopNumber(tenant)}. {OptOutLine}";
    }

    public string Rescheduled(TenantProfile tenant, Appointment appointment, Appointment old)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(old);
        return $"{tenant.Name}: your {appointment.Service} is moved to {When(tenant, appointment.Start)} (was {When(tenant, old.Start)}). To change it, call us at {ShopNumber(tenant)}. {OptOutLine}";
    }

    public string Cancelled(TenantProfile tenant, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        return $"{tenant.Name}: your {appointment.Service} on {When(tenant, appointment.Start)} is cancelled. To book again, call us at {ShopNumber(tenant)}. {OptOutLine}";
    }

    public string Reminder(TenantProfile tenant, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        return $"{tenant.Name} reminder: your {appointment.Service} is {When(tenant, appointment.Start)}. To change it, call us at {ShopNumber(tenant)}. {OptOutLine}";
    }

    /// <summary>The answer to HELP: who is texting, why, and the keywords.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of an injected service's API; callers hold the instance.")]
    public string Help(TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return $"{tenant.Name}: texts about your appointments. To book or change one, call us at {ShopNumber(tenant)}. Reply STOP to opt out, START to opt back in.";
    }

    /// <summary>"Wed, Dec 2 at 9:00 AM" on the shop's clock.</summary>
    public string When(TenantProfile tenant, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Time.Local(instant).ToString("ddd, MMM d 'at' h:mm tt", Culture);
    }

    /// <summary>The shop's first number as its customers dial it ("(555) 555-0100"), or as stored when it cannot be read.</summary>
    public static string ShopNumber(TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        try
        {
            var number = Phones.Parse(tenant.PhoneNumber, tenant.Region);
            return Phones.Format(number, number.CountryCode == Phones.GetCountryCodeForRegion(tenant.Region) ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return tenant.PhoneNumber;
        }
    }
}
