using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// One timed turn. <see cref="Path"/> is <c>relay</c> (the socket: from the final prompt's send to the first and the
/// last text token) or <c>direct</c> (<c>TakeTurnAsync</c>: the whole reply at once, so first equals last);
/// <see cref="Level"/> is how many calls ran at once (0 in the sequential A/B run). <see cref="StorageMs"/> is the
/// turn's storage requests' time to their response headers, summed (a turn makes them one after another).
/// </summary>
internal sealed record TurnSample(string Path, int Level, int Call, int Turn, string Name, bool Warmup, double FirstTokenMs, double LastTokenMs, IReadOnlyList<string> Storage, double StorageMs)
{
    public static TurnSample Of(string path, int level, int call, int turn, string name, bool warmup, TimeSpan firstToken, TimeSpan lastToken, IReadOnlyList<StorageRequest> storage) =>
        new(path, level, call, turn, name, warmup, firstToken.TotalMilliseconds, lastToken.TotalMilliseconds, [.. storage.Select(s => s.Kind)], storage.Sum(s => s.Duration.TotalMilliseconds));
}
