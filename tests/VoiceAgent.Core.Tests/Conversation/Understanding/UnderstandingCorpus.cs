namespace VoiceAgent.Core.Tests.Conversation.Understanding;

/// <summary>
/// Reads understanding-corpus.tsv: caller utterances written the way speech recognition hands them over, each with
/// the intent and slots a person would hear in it. Lines starting with # are comments; the first other line is the
/// header. See the file's own header comment for what each column holds.
/// </summary>
internal static class UnderstandingCorpus
{
    public const int Columns = 8;

    private static readonly Lazy<IReadOnlyList<UnderstandingCorpusRow>> Cached = new(Read);

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Conversation", "Understanding", "understanding-corpus.tsv");

    public static IReadOnlyList<UnderstandingCorpusRow> Rows => Cached.Value;

    private static List<UnderstandingCorpusRow> Read()
    {
        var rows = new List<UnderstandingCorpusRow>();
        var headerSeen = false;
        var lines = File.ReadAllLines(Path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != Columns)
            {
                throw new InvalidDataException($"understanding-corpus.tsv line {i + 1}: {cells.Length} columns, expected {Columns}: {line}");
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            rows.Add(new UnderstandingCorpusRow(i + 1, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]));
        }

        return rows;
    }
}

/// <summary>One labelled utterance of the corpus, as written in the file.</summary>
internal sealed record UnderstandingCorpusRow(
    int Line,
    string Utterance,
    string Intent,
    string Service,
    string Date,
    string Time,
    string DayPart,
    string YesNo,
    string Department);
