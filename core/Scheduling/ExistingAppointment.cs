namespace VoiceAgent.Core.Scheduling;

/// <summary>An appointment already on the book, as the availability engine sees it: when, and which service it uses.</summary>
/// <param name="Start">Inclusive start instant.</param>
/// <param name="End">Exclusive end instant; an appointment ending at 09:00 does not overlap one starting at 09:00.</param>
/// <param name="ServiceName">Matched case-insensitively against <see cref="Tenants.ServiceOffering.Name"/>.</param>
public readonly record struct ExistingAppointment(DateTimeOffset Start, DateTimeOffset End, string ServiceName);
