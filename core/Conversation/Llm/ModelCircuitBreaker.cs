using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// Whether the model may be asked (one per deployment, shared by every call). Closed, it counts model turns over a
/// sliding <see cref="LlmBreakerOptions.SamplingSeconds"/>; when at least <see cref="LlmBreakerOptions.MinimumThroughput"/>
/// of them ran and <see cref="LlmBreakerOptions.FailureRatio"/> failed (errors, 429s, timeouts), it opens: calls go to
/// the offline engine for <see cref="LlmBreakerOptions.BreakSeconds"/> (or longer, if the model's 429 asked for it). Then
/// one turn tries the model (half-open): success closes it, failure opens it again, and a trial that never reports
/// gives way to another after a break.
/// </summary>
/// <remarks>
/// The engine reports the outcome of a whole model turn, which spans several requests, tool calls and a stream, and
/// only the engine can tell the model's deadline from the caller hanging up; a pipeline that wraps one request at a time
/// (Polly's breaker) sees neither, so this is a small state machine on the app's clock instead.
/// </remarks>
public sealed class ModelCircuitBreaker(IOptions<LlmOptions> options, TimeProvider time)
{
    private readonly LlmBreakerOptions _options = options.Value.Breaker;
    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, bool Failed)> _outcomes = new();
    private DateTimeOffset? _openUntil;
    private DateTimeOffset? _trialSince;

    public ModelBreakerState State
    {
        get
        {
            lock (_lock)
            {
                return _openUntil is null ? ModelBreakerState.Closed
                    : time.GetUtcNow() < _openUntil ? ModelBreakerState.Open
                    : ModelBreakerState.HalfOpen;
            }
        }
    }

    /// <summary>True when this turn may ask the model; half-open, only one turn at a time does.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_openUntil is not { } until)
            {
                return true;
            }

            // A trial that never reported (its caller hung up mid-turn) stops counting after a break of its own.
            var now = time.GetUtcNow();
            if (now < until || (_trialSince is { } since && now - since < TimeSpan.FromSeconds(_options.BreakSeconds)))
            {
                return false;
            }

            _trialSince = now;
            return true;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            if (_openUntil is not null)
            {
                _openUntil = null;
                _trialSince = null;
                _outcomes.Clear();
                return;
            }

            Add(false);
        }
    }

    /// <summary>A failed model turn; <paramref name="retryAfter"/> is how long a 429 asked to wait.</summary>
    public void RecordFailure(TimeSpan? retryAfter = null)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var breakFor = TimeSpan.FromSeconds(_options.BreakSeconds);
            if (retryAfter > breakFor)
            {
                breakFor = retryAfter.Value;
            }

            if (_openUntil is not null)
            {
                _openUntil = now + breakFor; // the trial failed
                _trialSince = null;
                return;
            }

            Add(true);
            var failed = _outcomes.Count(o => o.Failed);
            if (_outcomes.Count >= _options.MinimumThroughput && failed >= _options.FailureRatio * _outcomes.Count)
            {
                _openUntil = now + breakFor;
                _outcomes.Clear();
            }
        }
    }

    private void Add(bool failed)
    {
        var now = time.GetUtcNow();
        _outcomes.Enqueue((now, failed));
        var window = TimeSpan.FromSeconds(_options.SamplingSeconds);
        while (_outcomes.Count > 0 && now - _outcomes.Peek().At > window)
        {
            _outcomes.Dequeue();
        }
    }
}

public enum ModelBreakerState
{
    Closed,
    Open,
    HalfOpen,
}
