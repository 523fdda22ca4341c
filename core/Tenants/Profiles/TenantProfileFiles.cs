namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>One profile file and what reading it gave.</summary>
public sealed record TenantProfileFile(string Path, TenantProfileRead Read);

/// <summary>
/// Reads a profile file, or every <c>*.yaml</c>/<c>*.yml</c> in a folder (not its subfolders), and checks what no single
/// file can: two files with one tenant id, or two tenants claiming one number. Those problems go on the later file.
/// </summary>
public static class TenantProfileFiles
{
    public static IReadOnlyList<TenantProfileFile> Read(string fileOrFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileOrFolder);
        string[] paths = Directory.Exists(fileOrFolder)
            ? [.. Directory.EnumerateFiles(fileOrFolder).Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)]
            : File.Exists(fileOrFolder) ? [fileOrFolder] : throw new FileNotFoundException($"No profile file or folder at {fileOrFolder}.", fileOrFolder);

        var files = new List<TenantProfileFile>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var read = TenantProfileReader.ReadFile(path);
            if (read.Profile is { } profile)
            {
                var clashes = new List<TenantProfileProblem>();
                if (!ids.TryAdd(profile.Id, path))
                {
                    clashes.Add(new("id", $"'{profile.Id}' is also the id in {System.IO.Path.GetFileName(ids[profile.Id])}"));
                }

                for (var i = 0; i < profile.Numbers.Count; i++)
                {
                    if (!numbers.TryAdd(profile.Numbers[i], path))
                    {
                        clashes.Add(new($"numbers[{i}]", $"{profile.Numbers[i]} is also claimed by {System.IO.Path.GetFileName(numbers[profile.Numbers[i]])}: a number reaches one shop"));
                    }
                }

                read = clashes.Count > 0 ? new TenantProfileRead(null, clashes) : read;
            }

            files.Add(new TenantProfileFile(path, read));
        }

        return files;
    }
}
