using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Calendars;

/// <summary>How an appointment looks as a Google Calendar event (Calendar v3 Event resource).</summary>
internal static class GoogleCalendarEvents
{
    public const string AppointmentIdProperty = "appointmentId";
    public const string TenantIdProperty = "tenantId";

    private const string Base32Hex = "0123456789abcdefghijklmnopqrstuv";

    /// <summary>
    /// The client-supplied event id: base32hex (a–v, 0–9) of SHA-256(tenant/appointment), 52 characters. The same appointment
    /// always maps to the same id, so a retried insert is answered 409 "duplicate" instead of creating a second event.
    /// </summary>
    public static string EventIdFor(Appointment appointment)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"voiceagent/{appointment.TenantId}/{appointment.Id}"));
        var text = new StringBuilder((hash.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Base32Hex[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Base32Hex[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    /// <summary>"Oil change" for service "oil change".</summary>
    public static string ServiceLabel(Appointment appointment) => appointment.Service.Length == 0
        ? "Appointment"
        : char.ToUpper(appointment.Service[0], CultureInfo.InvariantCulture) + appointment.Service[1..];

    /// <summary>"Oil change — John Smith".</summary>
    public static string Summary(Appointment appointment)
    {
        var service = ServiceLabel(appointment);
        return string.IsNullOrWhiteSpace(appointment.CustomerName) ? service : $"{service} — {appointment.CustomerName}";
    }

    public static string Description(Appointment appointment)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(appointment.CustomerPhone))
        {
            lines.Add($"Customer phone: {appointment.CustomerPhone}");
        }

        if (appointment.Vehicle is { } vehicle)
        {
            lines.Add($"Vehicle: {vehicle.Describe()}");
        }

        lines.Add($"Booked via {appointment.Channel} by VoiceAgent (appointment {appointment.Id})");
        return string.Join('\n', lines);
    }

    /// <summary>The event body for insert (with <paramref name="eventId"/>) or patch (without).</summary>
    public static JsonObject Body(Appointment appointment, TenantProfile tenant, string? eventId)
    {
        var body = new JsonObject();
        if (eventId is not null)
        {
            body["id"] = eventId;
        }

        body["summary"] = Summary(appointment);
        body["description"] = Description(appointment);
        if (!string.IsNullOrWhiteSpace(tenant.Address))
        {
            body["location"] = tenant.Address;
        }

        body["start"] = Time(appointment.Start, tenant);
        body["end"] = Time(appointment.End, tenant);
        body["status"] = "confirmed";
        body["extendedProperties"] = new JsonObject
        {
            ["private"] = new JsonObject
            {
                [AppointmentIdProperty] = appointment.Id,
                [TenantIdProperty] = appointment.TenantId,
            },
        };
        return body;
    }

    /// <summary><c>{"dateTime":"2026-12-02T09:00:00-06:00","timeZone":"America/Chicago"}</c>: local wall time with its offset.</summary>
    private static JsonObject Time(DateTimeOffset instant, TenantProfile tenant) => new()
    {
        ["dateTime"] = tenant.Time.Local(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["timeZone"] = tenant.TimeZoneId,
    };
}
