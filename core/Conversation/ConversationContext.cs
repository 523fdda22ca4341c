using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation;

/// <summary>Who is on the line and for which business; the verified caller every tool acts for.</summary>
public sealed record ConversationContext(TenantProfile Tenant, string CallSid, string CallerNumber, Customer? Customer, DateTimeOffset Now);
