namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>One <c>then:</c> step: what happens after the call, in order.</summary>
public abstract record ScenarioStep;
