namespace VoiceAgent.Core.Calls;

/// <summary>What a purge of calls deleted: the call rows (dialog, summary, messages for staff) and their turns (the transcript).</summary>
public sealed record CallPurge(int Calls, int Turns);
