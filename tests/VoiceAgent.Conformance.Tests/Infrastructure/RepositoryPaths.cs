namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>Locates the repository (the directory holding VoiceAgent.sln) and the shared reference data next to it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The vendors' JSON schemas: <c>&lt;repo root&gt;/../shared/schemas</c>.</summary>
    public static string SharedSchemas => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VoiceAgent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"VoiceAgent.sln not found above {AppContext.BaseDirectory}.");
    }
}
