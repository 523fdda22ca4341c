namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>One thing wrong with a tenant profile file: the field (<c>services[0].capacity</c>) and what is wrong with it.</summary>
public sealed record TenantProfileProblem(string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
