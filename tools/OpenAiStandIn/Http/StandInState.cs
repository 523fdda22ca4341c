using VoiceAgent.OpenAiStandIn.Playback;

namespace VoiceAgent.OpenAiStandIn.Http;

/// <summary>What the endpoints share: the script being played, the key they require, pacing, and the stop signal that ends held requests.</summary>
internal sealed class StandInState(ScriptPlayer player, string apiKey, TimeSpan chunkDelay) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public ScriptPlayer Player { get; } = player;
    public string ApiKey { get; } = apiKey;
    public TimeSpan ChunkDelay { get; } = chunkDelay;
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Ends every held request (hangs, slow first tokens) by aborting its connection.</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
