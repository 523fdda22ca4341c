using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The breaker opens on the failure ratio over the sampling window, stays open, and lets one trial through.</summary>
public sealed class ModelCircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void New_IsClosedAndLetsTurnsThrough()
    {
        var breaker = Breaker();

        Assert.Equal(ModelBreakerState.Closed, breaker.State);
        Assert.True(breaker.TryEnter());
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void RecordFailure_BelowTheMinimumThroughput_StaysClosed()
    {
        var breaker = Breaker(minimumThroughput: 3);

        breaker.RecordFailure();
        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Closed, breaker.State);
        breaker.RecordFailure();
        Assert.Equal(ModelBreakerState.Open, breaker.State);
    }

    [Fact]
    public void RecordFailure_AtTheRatio_Opens()
    {
        var breaker = Breaker(ratio: 0.5, minimumThroughput: 2);

        breaker.RecordSuccess();
        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Open, breaker.State);
        Assert.False(breaker.TryEnter());
    }

    [Fact]
    public void RecordFailure_BelowTheRatio_StaysClosed()
    {
        var breaker = Breaker(ratio: 0.5, minimumThroughput: 2);

        breaker.RecordSuccess();
        breaker.RecordSuccess();
        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Closed, breaker.State);
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void Open_StaysOpenForBreakSecondsThenIsHalfOpen()
    {
        var breaker = Opened(breakSeconds: 30);

        _clock.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Equal(ModelBreakerState.Open, breaker.State);
        Assert.False(breaker.TryEnter());

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(ModelBreakerState.HalfOpen, breaker.State);
    }

    [Fact]
    public void RetryAfter_LongerThanBreakSeconds_KeepsItOpenThatLong()
    {
        var breaker = Breaker(breakSeconds: 30);
        breaker.RecordFailure();

        breaker.RecordFailure(retryAfter: TimeSpan.FromSeconds(90));

        _clock.Advance(TimeSpan.FromSeconds(89));
        Assert.False(breaker.TryEnter());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void RetryAfter_ShorterThanBreakSeconds_KeepsBreakSeconds()
    {
        var breaker = Breaker(breakSeconds: 30);
        breaker.RecordFailure();

        breaker.RecordFailure(retryAfter: TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(breaker.TryEnter());
    }

    [Fact]
    public void HalfOpen_LetsExactlyOneTrialThrough()
    {
        var breaker = Opened(breakSeconds: 30);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var entered = Enumerable.Range(0, 5).Select(_ => breaker.TryEnter()).ToList();

        Assert.Equal([true, false, false, false, false], entered);
    }

    [Fact]
    public void HalfOpen_TrialSucceeds_Closes()
    {
        var breaker = Opened(breakSeconds: 30);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(breaker.TryEnter());

        breaker.RecordSuccess();

        Assert.Equal(ModelBreakerState.Closed, breaker.State);
        Assert.True(breaker.TryEnter());
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void Closed_AfterATrial_CountsAfreshFromNothing()
    {
        var breaker = Opened(breakSeconds: 30, minimumThroughput: 2);
        _clock.Advance(TimeSpan.FromSeconds(30));
        breaker.TryEnter();
        breaker.RecordSuccess();

        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Closed, breaker.State);
    }

    [Fact]
    public void HalfOpen_TrialFails_OpensAgainForBreakSeconds()
    {
        var breaker = Opened(breakSeconds: 30);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(breaker.TryEnter());

        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Open, breaker.State);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(breaker.TryEnter());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.TryEnter());
        Assert.False(breaker.TryEnter());
    }

    [Fact]
    public void HalfOpen_TrialThatNeverReports_DoesNotKeepTheModelOffForever()
    {
        // A trial turn that ends without an outcome (the caller hung up, the stream was abandoned) must not hold the
        // half-open breaker shut for every later call.
        var breaker = Opened(breakSeconds: 30);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(breaker.TryEnter());

        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void SamplingWindow_OldOutcomesLeaveIt()
    {
        var breaker = Breaker(ratio: 0.5, minimumThroughput: 2, samplingSeconds: 30);
        breaker.RecordFailure();

        _clock.Advance(TimeSpan.FromSeconds(31));
        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Closed, breaker.State); // one failure in the window, below the throughput
        _clock.Advance(TimeSpan.FromSeconds(10));
        breaker.RecordFailure();
        Assert.Equal(ModelBreakerState.Open, breaker.State);
    }

    [Fact]
    public void SamplingWindow_OldSuccessesNoLongerDiluteTheRatio()
    {
        var breaker = Breaker(ratio: 0.5, minimumThroughput: 2, samplingSeconds: 30);
        for (var i = 0; i < 10; i++)
        {
            breaker.RecordSuccess();
        }

        _clock.Advance(TimeSpan.FromSeconds(31));
        breaker.RecordSuccess();
        breaker.RecordFailure();

        Assert.Equal(ModelBreakerState.Open, breaker.State);
    }

    private ModelCircuitBreaker Opened(double breakSeconds, int minimumThroughput = 2)
    {
        var breaker = Breaker(breakSeconds: breakSeconds, minimumThroughput: minimumThroughput);
        for (var i = 0; i < minimumThroughput; i++)
        {
            breaker.RecordFailure();
        }

        Assert.Equal(ModelBreakerState.Open, breaker.State);
        return breaker;
    }

    private ModelCircuitBreaker Breaker(double ratio = 0.5, int minimumThroughput = 2, double samplingSeconds = 30, double breakSeconds = 30) =>
        new(Options.Create(new LlmOptions { Breaker = new() { FailureRatio = ratio, MinimumThroughput = minimumThroughput, SamplingSeconds = samplingSeconds, BreakSeconds = breakSeconds } }), _clock);
}
