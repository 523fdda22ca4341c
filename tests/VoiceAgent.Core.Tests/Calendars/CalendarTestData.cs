using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Calendars;

internal static class CalendarTestData
{
    public static TenantProfile Tenant => DemoTenant.Profile;

    /// <summary>Oil change for John Smith, Wednesday 2 December 2026 09:00–09:30 Chicago (15:00Z, CST = UTC−6).</summary>
    public static Appointment OilChange(string id = "appt-0001", DateTimeOffset? start = null)
    {
        var begin = start ?? new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
        return new Appointment
        {
            Id = id,
            TenantId = DemoTenant.Id,
            CustomerId = "cust-john-smith",
            CustomerPhone = "+15555550101",
            CustomerName = "John Smith",
            Service = "oil change",
            Start = begin,
            End = begin.AddMinutes(30),
            Vehicle = new Vehicle(2018, "Honda", "Civic"),
            CallSid = "CA00000000000000000000000000000001",
            CreatedAt = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero),
        };
    }
}
