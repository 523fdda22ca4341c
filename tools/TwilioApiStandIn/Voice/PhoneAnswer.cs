namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// What the phone does when it rings: <see cref="By"/>, and for a person the lines they say at each gather
/// (<see cref="Says"/>, as a scenario's <c>caller</c>). <see cref="DetectedAs"/> overrides what answering-machine detection
/// reports (<c>AnsweredBy</c>); by default a person is <c>human</c> and a machine <c>machine_start</c>
/// (<c>machine_end_beep</c> with <c>DetectMessageEnd</c>).
/// </summary>
public sealed record PhoneAnswer(PhonePickup By)
{
    public static PhoneAnswer Nobody { get; } = new(PhonePickup.Nobody);
    public static PhoneAnswer Busy { get; } = new(PhonePickup.Busy);
    public static PhoneAnswer Machine { get; } = new(PhonePickup.Machine);

    public IReadOnlyList<string> Says { get; init; } = [];

    public string? DetectedAs { get; init; }

    public bool Answers => By is PhonePickup.Person or PhonePickup.Machine;

    public static PhoneAnswer Person(params IReadOnlyList<string> says) => new(PhonePickup.Person) { Says = says };

    /// <summary>The <c>AnsweredBy</c> value Twilio reports for this answer under <paramref name="machineDetection"/> (null: detection off).</summary>
    public string? AnsweredBy(string? machineDetection)
    {
        if (string.IsNullOrEmpty(machineDetection) || !Answers)
        {
            return null;
        }

        return DetectedAs ?? (By == PhonePickup.Person
            ? "human"
            : string.Equals(machineDetection, "DetectMessageEnd", StringComparison.OrdinalIgnoreCase) ? "machine_end_beep" : "machine_start");
    }
}
