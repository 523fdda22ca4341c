using VoiceAgent.CallSimulator.Hosting;

namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>
/// The model one scenario's app is pointed at: the app settings that name it, the reasons to fail the scenario it finds
/// after the call (from the app's log and, for a stand-in, from what it was asked), and what to stop afterwards.
/// <see cref="Unavailable"/> says why there is none (e.g. no script), which fails the scenario before it starts.
/// </summary>
public sealed class ScenarioModel(
    IReadOnlyDictionary<string, string?> appSettings,
    Func<IReadOnlyList<CapturedLog>, IReadOnlyList<string>> check,
    IAsyncDisposable? owned = null) : IAsyncDisposable
{
    /// <summary>No model: the offline engine.</summary>
    public static ScenarioModel None { get; } = new(new Dictionary<string, string?>(), _ => []);

    public IReadOnlyDictionary<string, string?> AppSettings { get; } = appSettings;

    public string? Unavailable { get; private init; }

    /// <summary>What the model was asked and answered, for a failed scenario's report; empty when not recorded.</summary>
    public Func<IReadOnlyList<string>> Exchanges { get; init; } = () => [];

    public static ScenarioModel Missing(string reason) => new(new Dictionary<string, string?>(), _ => []) { Unavailable = reason };

    /// <summary>The reasons to fail the scenario, once the call and its workflows are over.</summary>
    public IReadOnlyList<string> Check(IReadOnlyList<CapturedLog> appLog) => check(appLog);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
