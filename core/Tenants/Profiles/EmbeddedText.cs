namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>Text files compiled into the core assembly (the profile schema, the demo tenant's profile).</summary>
internal static class EmbeddedText
{
    public static string Read(string logicalName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The core assembly has no embedded resource {logicalName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
