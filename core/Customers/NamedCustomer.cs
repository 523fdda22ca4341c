namespace VoiceAgent.Core.Customers;

/// <summary>A customer found by name: only the id, and whether a PIN can prove the caller is them.</summary>
public sealed record NamedCustomer(string CustomerId, bool HasPin);
