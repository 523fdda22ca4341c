using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>The fan-out itself: each tenant's events to that tenant's subscribers, never waiting on any of them.</summary>
public sealed class LocalEventFanOutTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private readonly LocalEventFanOut _fanOut = new(NullLogger<LocalEventFanOut>.Instance);

    [Fact]
    public async Task PublishAsync_TwoTenantsSubscribed_OnlyTheEventsTenantGetsIt()
    {
        using var northside = _fanOut.Subscribe("northside");
        using var southside = _fanOut.Subscribe("southside");
        var sentence = new AgentSentence("northside", "CA01", At, "Hello");

        await _fanOut.PublishAsync(sentence, CancellationToken.None);

        Assert.True(northside.Messages.TryRead(out var json));
        Assert.Equal(CallEventJson.ToUtf8(sentence), json);
        Assert.False(southside.Messages.TryRead(out _));
    }

    [Fact]
    public async Task PublishAsync_ClientBacklogFull_DropsThatClientWithoutWaiting()
    {
        using var slow = _fanOut.Subscribe("northside", backlog: 2);
        using var keepingUp = _fanOut.Subscribe("northside", backlog: 10);

        var publishes = Enumerable.Range(1, 3).Select(turn => _fanOut.PublishAsync(new TurnLatency("northside", "CA01", At, turn, 90), CancellationToken.None)).ToList();

        Assert.All(publishes, publish => Assert.True(publish.IsCompletedSuccessfully));
        Assert.True(slow.WasDropped);
        Assert.True(slow.DroppedToken.IsCancellationRequested);
        Assert.False(keepingUp.WasDropped);
        Assert.Equal(1, _fanOut.Count);
        var backlog = new List<string>();
        await foreach (var json in slow.Messages.ReadAllAsync())
        {
            backlog.Add(Encoding.UTF8.GetString(json));
        }

        Assert.Equal(2, backlog.Count); // what it had; the channel then ends
    }

    [Fact]
    public void Dispose_Subscription_LeavesTheFanOut()
    {
        var subscription = _fanOut.Subscribe("northside");

        subscription.Dispose();

        Assert.Equal(0, _fanOut.Count);
        Assert.True(subscription.Messages.Completion.IsCompleted);
    }
}
