namespace VoiceAgent.Functions.Staff;

/// <summary>How staff-facing endpoints authenticate.</summary>
public sealed class StaffApiOptions
{
    public const string Section = "StaffApi";

    /// <summary>
    /// A bearer token accepted from staff tools when the app runs on its own (local runs). Empty disables it.
    /// Under the Functions host the function key (authLevel <c>function</c>) is checked by the host instead.
    /// </summary>
    public string? DevToken { get; set; }
}
