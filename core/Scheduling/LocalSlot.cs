namespace VoiceAgent.Core.Scheduling;

/// <summary>A candidate start as both its UTC instant and the tenant's wall-clock reading then (ticks), so no zone lookup is needed to show it.</summary>
internal readonly record struct LocalSlot(long Utc, long Wall)
{
    public DateTimeOffset ToDateTimeOffset() => new(new DateTime(Wall, DateTimeKind.Unspecified), TimeSpan.FromTicks(Wall - Utc));
}
