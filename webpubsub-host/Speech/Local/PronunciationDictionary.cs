namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>
/// The words a pocketsphinx dictionary can pronounce (its lines are <c>word[(n)] phones…</c>), read once on first use:
/// a grammar may only name these.
/// </summary>
internal sealed class PronunciationDictionary
{
    private readonly Lazy<Task<IReadOnlySet<string>>> _words;

    public PronunciationDictionary(string path) => _words = new(() => LoadAsync(path));

    public Task<IReadOnlySet<string>> WordsAsync() => _words.Value;

    private static async Task<IReadOnlySet<string>> LoadAsync(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                words.Add(line[..end]);
            }
        }

        return words;
    }
}
