using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Tenants;

/// <summary>
/// Northside Auto Care, the demo tenant every scenario runs against (../shared/scenarios/README.md),
/// seeded by the local run and by tests.
/// </summary>
public static class DemoTenant
{
    public const string Id = "northside-auto";
    public const string Number = "+15555550100";

    public static TenantProfile Profile { get; } = new()
    {
        Id = Id,
        Name = "Northside Auto Care",
        PhoneNumber = Number,
        TimeZoneId = "America/Chicago",
        Region = "US",
        WeeklyHours =
        [
            new(DayOfWeek.Monday, new(8, 0), new(17, 0)),
            new(DayOfWeek.Tuesday, new(8, 0), new(17, 0)),
            new(DayOfWeek.Wednesday, new(8, 0), new(17, 0)),
            new(DayOfWeek.Thursday, new(8, 0), new(17, 0)),
            new(DayOfWeek.Friday, new(8, 0), new(17, 0)),
            new(DayOfWeek.Saturday, new(9, 0), new(13, 0)),
        ],
        ClosedDates = [new(2026, 12, 25), new(2027, 1, 1)],
        Address = "1200 North Ave, Springfield",
        TransferTargets =
        [
            new("service desk", "+15555550199", IsDefault: true) { Keywords = ["service desk", "service", "front desk", "desk"] },
            new("parts", "+15555550198") { Keywords = ["parts", "parts counter", "parts department"] },
        ],
        Services =
        [
            new("oil change", 30, 2, 49.99m) { Synonyms = ["oil", "oil and filter", "lube"] },
            new("tire rotation", 30, 2) { Synonyms = ["rotate", "rotation", "tires rotated", "rotate my tires"] },
            new("brake inspection", 60, 1) { Synonyms = ["brakes", "brake check", "brake"] },
            new("state inspection", 45, 1) { Synonyms = ["inspection sticker", "safety inspection", "emissions", "inspected", "sticker"] },
            new("diagnostic", 60, 1) { Synonyms = ["check engine", "check-engine light", "engine light", "diagnosis", "diagnostics"] },
        ],
        Booking = new() { SlotGridMinutes = 30, MinimumLeadTime = TimeSpan.FromHours(1), BookingHorizon = TimeSpan.FromDays(60), MustEndByClosing = true },
        Reminders = new(TimeSpan.FromHours(24), new TimeOnly(9, 0), new TimeOnly(19, 0)),
        AsksForVehicle = true,
        Faq =
        [
            new("address", "We're at 1200 North Ave, Springfield.") { Keywords = ["address", "where are you", "located", "location", "directions"] },
            new("oil change price", "An oil change costs $49.99.") { Keywords = ["oil change cost", "price of an oil change", "how much is an oil change", "oil change price"] },
        ],
    };

    public static IReadOnlyList<Customer> Customers { get; } =
    [
        new()
        {
            Id = "cust-john-smith",
            TenantId = Id,
            FirstName = "John",
            LastName = "Smith",
            PhoneNumber = "+15555550101",
            Pin = "4321",
            Vehicles = [new Vehicle(2019, "Honda", "Civic")],
        },
        new()
        {
            Id = "cust-maria-garcia",
            TenantId = Id,
            FirstName = "Maria",
            LastName = "Garcia",
            PhoneNumber = "+15555550102",
            Vehicles = [new Vehicle(2021, "Toyota", "RAV4")],
        },
    ];
}
