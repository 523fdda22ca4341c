namespace VoiceAgent.OpenAiStandIn;

/// <summary>A function tool the request offered the model: its name, description and JSON schema of parameters (as sent).</summary>
public sealed record OfferedTool(string Name, string? Description, string? ParametersJson);
