namespace VoiceAgent.Core.Appointments;

/// <summary>
/// One outgoing text or reminder call for an appointment, claimed on its row before it is sent so it goes out once
/// however often a workflow step runs. Keys are <see cref="NoticeKeys"/>.
/// </summary>
/// <param name="ClaimedAt">When it was claimed: Twilio's lists are searched from here when a claim has no sid.</param>
/// <param name="Sid">Twilio's message or call sid once accepted.</param>
/// <param name="Detail">Why it was skipped, or how it was found again.</param>
public sealed record Notice(string Key, NoticeState State, DateTimeOffset ClaimedAt, string? Sid, string? Detail);
