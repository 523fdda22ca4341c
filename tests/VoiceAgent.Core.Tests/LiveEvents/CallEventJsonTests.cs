using System.Text;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.Core.Tests.LiveEvents;

/// <summary>The exact JSON the dashboard reads, whichever transport carries it.</summary>
public sealed class CallEventJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    public static TheoryData<CallEvent, string> Events => new()
    {
        {
            new CallStarted("northside", "CA01", At, "stream", "Dana"),
            """{"type":"callStarted","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","transport":"stream","customerFirstName":"Dana"}"""
        },
        {
            new CallStarted("northside", "CA01", At, "relay", null),
            """{"type":"callStarted","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","transport":"relay","customerFirstName":null}"""
        },
        {
            new CallEnded("northside", "CA01", At, "hangup"),
            """{"type":"callEnded","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","reason":"hangup"}"""
        },
        {
            new CallerTranscript("northside", "CA01", At, "I need an oil change", false),
            """{"type":"transcript","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","text":"I need an oil change","final":false}"""
        },
        {
            new AgentSentence("northside", "CA01", At, "Sure, what day suits you?"),
            """{"type":"agentSentence","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","text":"Sure, what day suits you?"}"""
        },
        {
            new ToolCalled("northside", "CA01", At, "find_slots", true),
            """{"type":"toolCall","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","tool":"find_slots","finished":true}"""
        },
        {
            new BargedIn("northside", "CA01", At, "Sure, what"),
            """{"type":"bargeIn","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","heard":"Sure, what"}"""
        },
        {
            new TurnLatency("northside", "CA01", At, 3, 412.5),
            """{"type":"turnLatency","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","turn":3,"milliseconds":412.5}"""
        },
        {
            new CallTransferred("northside", "CA01", At, "service"),
            """{"type":"transfer","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","department":"service"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void ToUtf8_EachEventType_WritesTypeThenCommonThenOwnFieldsInCamelCase(CallEvent callEvent, string expected)
    {
        var json = Encoding.UTF8.GetString(CallEventJson.ToUtf8(callEvent));

        Assert.Equal(expected, json);
    }

    /// <summary>The real-time host's local fan-out reads the function app's events back from this JSON (LocalEventIntake).</summary>
    [Theory]
    [MemberData(nameof(Events))]
    public void Deserialize_EachEventType_GivesTheSameEvent(CallEvent callEvent, string json)
    {
        var read = System.Text.Json.JsonSerializer.Deserialize(json, CallEventJson.Default.CallEvent);

        Assert.Equal(callEvent, read);
    }

    [Fact]
    public void Events_CoverEveryDerivedType()
    {
        var derived = typeof(CallEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CallEvent))).ToHashSet();

        var tested = Events.Select(row => row[0].GetType()).ToHashSet();

        Assert.Equal(derived.OrderBy(t => t.Name).ToList(), tested.OrderBy(t => t.Name).ToList());
    }

    /// <summary>Events reach dashboards and a managed service: a caller's number has no place in them, not even a field for one.</summary>
    [Fact]
    public void EventTypes_HaveNoPhoneNumberField()
    {
        var fields = typeof(CallEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CallEvent)))
            .SelectMany(t => t.GetProperties().Select(p => $"{t.Name}.{p.Name}"));

        Assert.DoesNotContain(fields, f => f.Contains("Phone", StringComparison.OrdinalIgnoreCase)
            || f.EndsWith(".From", StringComparison.Ordinal) || f.EndsWith(".To", StringComparison.Ordinal) || f.Contains("Number", StringComparison.OrdinalIgnoreCase));
    }
}
