namespace VoiceAgent.Core.Appointments;

public enum AppointmentStatus
{
    Booked,
    Cancelled,
}
