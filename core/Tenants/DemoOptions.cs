namespace VoiceAgent.Core.Tenants;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed Northside Auto Care (the demo tenant) and its customers on start.</summary>
    public bool SeedDemoTenant { get; set; }
}
