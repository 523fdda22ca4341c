using Microsoft.ML.Tokenizers;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// Counts tokens the way the configured model does: OpenAI's own tokenizer (tiktoken, Microsoft.ML.Tokenizers) for the
/// models it knows, else an estimate of four characters a token, rounded up, which errs on the long side for English.
/// </summary>
public sealed class TokenCounter
{
    /// <summary>What each message costs beyond its text (role and separators, as OpenAI counts them).</summary>
    public const int PerMessage = 4;

    private readonly Tokenizer? _tokenizer;

    private TokenCounter(Tokenizer? tokenizer) => _tokenizer = tokenizer;

    /// <summary>True when the model's real tokenizer counts; false for an estimate.</summary>
    public bool IsExact => _tokenizer is not null;

    public static TokenCounter For(string model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return new TokenCounter(null);
        }

        try
        {
            return new TokenCounter(TiktokenTokenizer.CreateForModel(model));
        }
        catch (NotSupportedException)
        {
            return new TokenCounter(null);
        }
        catch (ArgumentException)
        {
            return new TokenCounter(null);
        }
    }

    public int Count(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : _tokenizer?.CountTokens(text) ?? (text.Length + 3) / 4;

    public int Count(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var tokens = PerMessage + Count(entry.Text) + Count(entry.Result);
        foreach (var call in entry.Calls)
        {
            tokens += Count(call.Name) + Count(call.Arguments) + PerMessage;
        }

        return tokens;
    }
}
