namespace VoiceAgent.Core.Tenants;

/// <summary>A department calls can be handed to: an E.164 number or a SIP URI.</summary>
public sealed record TransferTarget(string Department, string Target, bool IsDefault = false)
{
    /// <summary>Words a caller may use for this department ("parts", "parts counter").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
}
