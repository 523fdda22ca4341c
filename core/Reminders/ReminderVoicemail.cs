using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Reminders;

/// <summary>The short message a reminder call leaves on a machine: who, what, when, and how to change it.</summary>
public static class ReminderVoicemail
{
    public static string For(TenantProfile tenant, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        return $"Hi, this is {tenant.Name} with a reminder about your {appointment.Service} on {SlotSpeech.When(tenant, appointment.Start)}. "
            + "If you need to change it, just give us a call. Goodbye.";
    }
}
