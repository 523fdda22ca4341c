namespace VoiceAgent.Functions.Staff;

/// <summary>The body of a deletion request: <c>{"phone":"+15555550101"}</c> or <c>{"customerId":"cust-…"}</c>.</summary>
public sealed record CustomerErasureBody(string? Phone, string? CustomerId);
