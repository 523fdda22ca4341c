using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Local;
using YamlDotNet.RepresentationModel;

namespace VoiceAgent.Benchmarks;

/// <summary>
/// How well the local recognizer hears callers over the phone: every caller line of the scenarios in the given folders
/// is spoken by flite, carried as the call carries it (8 kHz μ-law), decoded and recognised with pocketsphinx in open
/// vocabulary (no grammar), and scored by word error rate against the line.
/// </summary>
internal static class SpeechAccuracy
{
    public const string Command = "speech-accuracy";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var voice = "rms";
        var noise = new PocketSphinxOptions().NoiseAmplitude;
        var folders = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--voice" && i + 1 < arguments.Count)
            {
                voice = arguments[++i];
            }
            else if (arguments[i] == "--noise" && i + 1 < arguments.Count)
            {
                noise = int.Parse(arguments[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                folders.Add(arguments[i]);
            }
        }

        if (folders.Count == 0)
        {
            await Console.Error.WriteLineAsync($"usage: {Command} [--voice rms|slt|awb|kal16|kal] [--noise PEAK] SCENARIO_FOLDER...");
            return 2;
        }

        var lines = folders
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            .SelectMany(CallerLines)
            .ToList();
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions { Voice = voice, ChunkMilliseconds = 1000 }));
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions { NoiseAmplitude = noise }));
        int errors = 0, words = 0, exact = 0;
        foreach (var line in lines)
        {
            var heard = await recognizer.RecognizeAsync(await TelephoneAsync(synthesizer, line), CancellationToken.None);
            var (lineErrors, lineWords) = WordErrorRate.Count(line, heard.Text);
            errors += lineErrors;
            words += lineWords;
            exact += lineErrors == 0 ? 1 : 0;
            Console.WriteLine($"{lineErrors,3}/{lineWords,-3} said: {line}");
            Console.WriteLine($"        heard: {heard.Text}");
        }

        var rate = words == 0 ? 0 : errors / (double)words;
        Console.WriteLine();
        Console.WriteLine($"voice {voice}, noise peak {noise}: {lines.Count} caller lines, {words} words, {errors} word errors");
        Console.WriteLine($"word error rate {rate:P1}, word accuracy {1 - rate:P1}, lines heard exactly {exact}/{lines.Count}");
        return 0;
    }

    /// <summary>The scenario's <c>caller</c> lines (a file without them, e.g. a reminder-only workflow, has none).</summary>
    private static IEnumerable<string> CallerLines(string file)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0
            || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("caller"), out var caller)
            || caller is not YamlSequenceNode sequence)
        {
            return [];
        }

        return sequence.Children.OfType<YamlScalarNode>().Select(node => node.Value).OfType<string>().ToList();
    }

    private static async Task<Utterance> TelephoneAsync(FliteSynthesizer synthesizer, string line)
    {
        var mulaw = new List<byte>();
        await foreach (var chunk in synthesizer.SynthesizeAsync(line, "en-US", CancellationToken.None))
        {
            mulaw.AddRange(chunk.Span);
        }

        var samples = new short[mulaw.Count];
        MuLaw.Decode(mulaw.ToArray(), samples);
        return new Utterance(samples, "en-US");
    }
}
