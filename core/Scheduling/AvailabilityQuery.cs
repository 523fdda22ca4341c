using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// What one availability question is about: the service wanted, the clock, and what is already on the book.
/// Appointments of other services and intervals far from the asked window are ignored, so callers may pass a superset.
/// </summary>
public sealed record AvailabilityQuery(ServiceOffering Service, DateTimeOffset Now)
{
    public IReadOnlyList<ExistingAppointment> Appointments { get; init; } = [];

    public IReadOnlyList<BusyInterval> BusyIntervals { get; init; } = [];
}
