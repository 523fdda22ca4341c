namespace VoiceAgent.RelayLoad;

/// <summary>
/// How long the caller takes to say the next line after the agent's reply (the time Twilio's recognizer spends on
/// speech before the final prompt): uniform between <see cref="Min"/> and <see cref="Max"/>, from a seeded generator so
/// a run repeats. <see cref="None"/> sends each prompt as soon as the reply has ended.
/// </summary>
internal sealed class CallerPace(TimeSpan min, TimeSpan max, int seed)
{
    private readonly Random _random = new(seed);

    public static CallerPace None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, 0);

    public TimeSpan Min { get; } = min;

    public TimeSpan Max { get; } = max;

    public TimeSpan Next() => Min + ((Max - Min) * _random.NextDouble());

    /// <summary>When the call starts speaking after the others of its wave: anywhere in the first pause, so calls do not step in lockstep.</summary>
    public TimeSpan Offset() => Max * _random.NextDouble();
}
