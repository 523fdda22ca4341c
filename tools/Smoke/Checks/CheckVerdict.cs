namespace VoiceAgent.Smoke.Checks;

/// <summary>How a check ended. A skipped check (nothing to check it against) is not a failure.</summary>
public enum CheckVerdict
{
    Pass,
    Fail,
    Skip,
}
