using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>
/// One utterance to text with pocketsphinx, for running without Azure. The 8 kHz call audio is upsampled to the
/// 16 kHz the US English model wants and piped in raw; with <see cref="Utterance.ExpectedPhrases"/> the search is held
/// to those phrases (a JSGF grammar), otherwise it is open vocabulary, which on phone audio is poor (see
/// docs/benchmarks.md for its word error rate). One process per utterance: with a grammar it starts in under half a second; the open-vocabulary language model
/// takes one to two and a half seconds to load on the build machine, a cost a long-running decoder would not pay.
/// </summary>
public sealed class PocketSphinxRecognizer : ISpeechRecognizer
{
    private const string ContinuousBinary = "pocketsphinx_continuous";
    private const string CommandLineBinary = "pocketsphinx";
    private const int NoiseSeed = 8000;

    private readonly PocketSphinxOptions _options;
    private readonly PronunciationDictionary _dictionary;
    private readonly Lazy<string> _binary;

    public PocketSphinxRecognizer(IOptions<PocketSphinxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _dictionary = new PronunciationDictionary(_options.Dictionary);
        _binary = new(() => _options.Path ?? FindOnPath(ContinuousBinary) ?? FindOnPath(CommandLineBinary) ?? ContinuousBinary);
    }

    /// <exception cref="NotSupportedException">The utterance's language is not English.</exception>
    /// <exception cref="SpeechToolNotFoundException">pocketsphinx is not installed where <see cref="PocketSphinxOptions.Path"/> says.</exception>
    public async Task<Transcript> RecognizeAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        if (!utterance.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"The pocketsphinx model is US English; the utterance is {utterance.Language}.");
        }

        if (utterance.Samples.IsEmpty)
        {
            return Transcript.Nothing;
        }

        var grammar = utterance.ExpectedPhrases is { Count: > 0 } phrases
            ? PhraseGrammar.Build(phrases, await _dictionary.WordsAsync())
            : null;
        var grammarFile = grammar is null ? null : Path.Combine(Path.GetTempPath(), $"voiceagent-{Guid.NewGuid():N}.gram");
        try
        {
            if (grammarFile is not null)
            {
                await File.WriteAllTextAsync(grammarFile, grammar, cancellationToken);
            }

            var binary = _binary.Value;
            var newCommandLine = Path.GetFileName(binary) == CommandLineBinary;
            var output = await SpeechToolProcess.RunAsync(
                binary,
                Arguments(newCommandLine, grammarFile),
                ToRawPcm16k(utterance.Samples.Span),
                $"{PocketSphinxOptions.SectionName}:Path",
                cancellationToken);
            var text = Encoding.UTF8.GetString(output);
            return new Transcript(newCommandLine ? ParseJsonLines(text) : ParseTextLines(text));
        }
        finally
        {
            if (grammarFile is not null)
            {
                File.Delete(grammarFile);
            }
        }
    }

    private List<string> Arguments(bool newCommandLine, string? grammarFile)
    {
        List<string> arguments = ["-hmm", _options.AcousticModel, "-dict", _options.Dictionary, "-samprate", "16000"];
        arguments.AddRange(grammarFile is null ? ["-lm", _options.LanguageModel] : ["-jsgf", grammarFile]);
        // 5.0 reads "-" as stdin for its "single" (one utterance) command; 5prealpha takes any file path as its input.
        arguments.AddRange(newCommandLine ? ["single", "-"] : ["-infile", "/dev/stdin", "-logfn", "/dev/null"]);
        return arguments;
    }

    /// <summary>
    /// Little-endian 16-bit samples at 16 kHz, with no header: what both command lines read from a pipe. Faint white
    /// noise (<see cref="PocketSphinxOptions.NoiseAmplitude"/>) is added: upsampled phone audio has nothing at all above
    /// 4 kHz, and the wideband model, which always heard something there, reads that empty band's extreme log energies
    /// as different sounds. The noise is seeded, so the same utterance is always recognised the same way.
    /// </summary>
    private byte[] ToRawPcm16k(ReadOnlySpan<short> samples)
    {
        var wideband = Resampler.Upsample8kTo16k(samples);
        var noise = new Random(NoiseSeed);
        var amplitude = _options.NoiseAmplitude;
        var bytes = new byte[wideband.Length * 2];
        for (var i = 0; i < wideband.Length; i++)
        {
            var sample = Math.Clamp(wideband[i] + noise.Next(-amplitude, amplitude + 1), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), (short)sample);
        }

        return bytes;
    }

    /// <summary>pocketsphinx_continuous prints one line of words per stretch of speech it found.</summary>
    private static string ParseTextLines(string output) =>
        string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>pocketsphinx 5.0 prints one JSON object per stretch of speech, its words in <c>t</c>.</summary>
    private static string ParseJsonLines(string output)
    {
        var texts = new List<string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("t", out var text) && text.GetString() is { Length: > 0 } words)
            {
                texts.Add(words);
            }
        }

        return string.Join(' ', texts);
    }

    /// <summary>The search path for the recognizer's binary (set by the platform, never by infra).</summary>
    public const string PathVariable = "PATH";

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable(PathVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
