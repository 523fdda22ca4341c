namespace VoiceAgent.Core.Tenants;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed Northside Auto Care (the demo tenant) and its customers on start.</summary>
    public bool SeedDemoTenant { get; set; }

    /// <summary>
    /// A real Twilio number (E.164) that also reaches the demo tenant when seeded, so a developer can call the local stack
    /// from a phone (<c>tools/dev --serve --number</c>).
    /// </summary>
    public string? TwilioNumber { get; set; }

    /// <summary>The seeded demo tenant's transport (<c>tools/dev --transport</c>, <c>tools/scenarios --transport</c>); Gather when unset.</summary>
    public CallTransport Transport { get; set; } = CallTransport.Gather;
}
