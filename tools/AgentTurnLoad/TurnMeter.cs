using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text;
using Microsoft.Extensions.AI;
using VoiceAgent.LoadKit;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// What one turn spent outside our code, gathered while it runs: the model's own time (<see cref="ModelTimer"/>), the
/// storage requests (<see cref="StorageRequests"/>), and when the raw model stream completed its first sentence. The
/// driver makes one per turn and sets it as <see cref="Current"/>, which flows into every await of the turn.
/// </summary>
internal sealed partial class TurnMeter
{
    private static readonly AsyncLocal<TurnMeter?> Ambient = new();
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<StorageRequest> _storage = [];

    public static TurnMeter? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Time inside the raw model client: sending, waiting, reading the stream (never the time the engine spends between updates).</summary>
    public TimeSpan ModelInside { get; private set; }

    /// <summary>Time from each model call to its last update, summed (includes the engine's work between updates).</summary>
    public TimeSpan ModelSpan { get; private set; }

    public int ModelRequests { get; private set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the raw stream's text first held a complete sentence.</summary>
    public long? FirstSentenceAt { get; private set; }

    public IReadOnlyList<StorageRequest> Storage
    {
        get
        {
            lock (_gate)
            {
                return [.. _storage];
            }
        }
    }

    public void AddModelRequest(TimeSpan inside, TimeSpan span)
    {
        lock (_gate)
        {
            ModelInside += inside;
            ModelSpan += span;
            ModelRequests++;
        }
    }

    public void AddStorage(StorageRequest request)
    {
        lock (_gate)
        {
            _storage.Add(request);
        }
    }

    /// <summary>
    /// A raw update reached us at <paramref name="timestamp"/>: its text counts towards the first sentence, which is
    /// complete once <c>.</c>, <c>?</c> or <c>!</c> is followed by a space and a capital or digit (the engine's rule).
    /// </summary>
    public void Saw(ChatResponseUpdate update, long timestamp)
    {
        if (FirstSentenceAt is not null || update.Role == ChatRole.Tool || string.IsNullOrEmpty(update.Text))
        {
            return;
        }

        _text.Append(update.Text);
        if (SentenceEnd().IsMatch(_text.ToString()))
        {
            FirstSentenceAt = timestamp;
        }
    }

    [GeneratedRegex(@"[.!?]\s+[\p{Lu}\p{Nd}]")]
    private static partial Regex SentenceEnd();
}
