using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Functions.Workflows;

/// <summary>How the workflows retry and wait (section <c>Workflows</c>). Orchestrators read it once per host: keep it unchanged while instances run.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>Tries of one step (a calendar write, a text) before it is recorded as failed.</summary>
    [Range(1, 20)]
    public int StepAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each next one doubles, up to a minute.</summary>
    [Range(0.1, 600)]
    public double FirstRetrySeconds { get; set; } = 2;

    /// <summary>How long a reminder call's outcome is waited for before Twilio is asked for it (real time).</summary>
    [Range(5, 14400)]
    public int CallOutcomeWaitSeconds { get; set; } = 900;

    /// <summary>Changes still pending this long after they were recorded are started again by the sweep (a start that was lost).</summary>
    [Range(0, 60)]
    public int RedriveAfterMinutes { get; set; } = 2;
}
