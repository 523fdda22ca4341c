using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation;

/// <summary>
/// Who is on the line and for which business; the verified caller every tool acts for. <paramref name="PendingReminder"/>,
/// set only when a known customer calls in, is their upcoming appointment whose reminder was tried but not confirmed:
/// the greeting offers to confirm, change or cancel it.
/// </summary>
public sealed record ConversationContext(TenantProfile Tenant, string CallSid, string CallerNumber, Customer? Customer, DateTimeOffset Now, Appointment? PendingReminder = null);
