using System.Text;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// Cuts streamed text into sentences as they complete, so speech can start on the first while the model writes the
/// rest. A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by a space and a capital or digit; "Dr.", "a.m."
/// and "9.30" do not end one. The rest comes out with <see cref="Flush"/>.
/// </summary>
public sealed class SentenceSplitter
{
    private static readonly string[] Abbreviations = ["mr.", "mrs.", "ms.", "dr.", "st.", "ave.", "a.m.", "p.m.", "e.g.", "i.e.", "approx."];
    private readonly StringBuilder _pending = new();

    /// <summary>The sentences of a complete text.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var splitter = new SentenceSplitter();
        var sentences = splitter.Add(text).ToList();
        if (splitter.Flush() is { } rest)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    /// <summary>The sentences <paramref name="text"/> completed.</summary>
    public IReadOnlyList<string> Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _pending.Append(text);
        var sentences = new List<string>();
        var start = 0;
        var buffer = _pending.ToString();
        for (var i = 0; i < buffer.Length - 2; i++)
        {
            if (buffer[i] is not ('.' or '!' or '?') || !char.IsWhiteSpace(buffer[i + 1]))
            {
                continue;
            }

            var next = i + 1;
            while (next < buffer.Length && char.IsWhiteSpace(buffer[next]))
            {
                next++;
            }

            if (next >= buffer.Length || !(char.IsUpper(buffer[next]) || char.IsDigit(buffer[next])) || IsAbbreviation(buffer, start, i))
            {
                continue;
            }

            var sentence = buffer[start..(i + 1)].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = next;
        }

        _pending.Clear().Append(buffer, start, buffer.Length - start);
        return sentences;
    }

    /// <summary>Whatever is left once the text is complete.</summary>
    public string? Flush()
    {
        var rest = _pending.ToString().Trim();
        _pending.Clear();
        return rest.Length > 0 ? rest : null;
    }

    private static bool IsAbbreviation(string buffer, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(buffer[wordStart - 1]))
        {
            wordStart--;
        }

        var word = buffer[wordStart..(dot + 1)].ToLowerInvariant();
        return Abbreviations.Contains(word);
    }
}
