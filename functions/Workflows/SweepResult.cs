namespace VoiceAgent.Functions.Workflows;

/// <summary>What one sweep did (logged, and read by the benchmark): appointments read, reminder calls started, texts, re-driven follow-ups.</summary>
public sealed class SweepResult
{
    public int AppointmentsRead { get; set; }
    public int CallsStarted { get; set; }
    public int Texts { get; set; }
    public int FollowUpsRedriven { get; set; }
}
