namespace VoiceAgent.Core.Tenants;

/// <summary>Opening hours on one weekday, in the tenant's local time. A day without an entry is closed.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
