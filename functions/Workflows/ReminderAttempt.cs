namespace VoiceAgent.Functions.Workflows;

/// <summary>The input of one reminder call: which appointment (its local day names its partition) and which try.</summary>
public sealed record ReminderAttempt(string TenantId, string AppointmentId, DateOnly Day, int Attempt)
{
    /// <summary>One instance per attempt: a repeated sweep or a second instance sweeping joins it instead of calling again.</summary>
    public string InstanceId => $"reminder-{TenantId}-{AppointmentId}-{Attempt}";
}
