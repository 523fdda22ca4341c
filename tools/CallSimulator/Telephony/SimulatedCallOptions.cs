using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>Where Twilio sends the call's webhooks, and when the simulator gives up on a call that never ends.</summary>
public sealed record SimulatedCallOptions
{
    public string IncomingPath { get; init; } = "/api/voice/incoming";
    public string StatusCallbackPath { get; init; } = "/api/voice/status";

    /// <summary>TwiML documents the agent may answer with before the call counts as stuck (scenarios: 15).</summary>
    public int MaxAgentTurns { get; init; } = 15;

    /// <summary>Called as each transcript line happens (interactive mode prints them).</summary>
    public Action<TranscriptLine>? OnLine { get; init; }

    /// <summary>Moves a fake clock on as the call advances (script mode); null on a real clock.</summary>
    public Action<TimeSpan>? AdvanceClock { get; init; }

    /// <summary>Send the <c>completed</c> status callback when the call ends; false when the Twilio stand-in sends the call's callbacks.</summary>
    public bool SendStatusCallback { get; init; } = true;

    /// <summary>The real-time host a <c>&lt;Connect&gt;</c> reaches; null when the app has none (a <c>&lt;Connect&gt;</c> then fails the call).</summary>
    public RealtimeEndpoint? Realtime { get; init; }

    /// <summary>The next update made to the live call through the REST API (the stand-in's), taken between steps; null for none.</summary>
    public Func<LiveCallUpdate?>? TakeUpdate { get; init; }
}
