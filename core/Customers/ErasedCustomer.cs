namespace VoiceAgent.Core.Customers;

/// <summary>What an appointment of an erased customer says instead of who they were (decision 0023).</summary>
public static class ErasedCustomer
{
    /// <summary>The name on the appointment, and in its calendar event.</summary>
    public const string Name = "(erased)";

    /// <summary>The customer id on the appointment: nobody's, so no caller can act on it.</summary>
    public const string Id = "(erased)";
}
