using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech.Local;

namespace VoiceAgent.WebPubSubHost.Tests.Speech.Local;

/// <summary>The real flite, spoken to 8 kHz μ-law.</summary>
public sealed class FliteSynthesizerTests
{
    [Fact]
    public async Task SynthesizeAsync_Sentence_YieldsMediaStreamsFrames()
    {
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions()));

        var chunks = await Collect(synthesizer.SynthesizeAsync("Your appointment is confirmed.", "en-US", CancellationToken.None));

        Assert.All(chunks[..^1], chunk => Assert.Equal(160, chunk.Length));
        Assert.InRange(chunks[^1].Length, 1, 160);
        // A short sentence: one to four seconds at 8000 bytes a second.
        Assert.InRange(chunks.Sum(chunk => chunk.Length), 8_000, 32_000);
    }

    [Fact]
    public async Task SynthesizeAsync_Sentence_IsSpeechNotSilence()
    {
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions()));

        var mulaw = (await Collect(synthesizer.SynthesizeAsync("Hello there.", null, CancellationToken.None))).SelectMany(c => c).ToArray();
        var samples = new short[mulaw.Length];
        MuLaw.Decode(mulaw, samples);

        Assert.Contains(samples, sample => Math.Abs((int)sample) > 2_000);
    }

    [Fact]
    public async Task SynthesizeAsync_LargerChunks_YieldsChunksOfThatLength()
    {
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions { ChunkMilliseconds = 100 }));

        var chunks = await Collect(synthesizer.SynthesizeAsync("Thank you for calling.", "en-US", CancellationToken.None));

        Assert.All(chunks[..^1], chunk => Assert.Equal(800, chunk.Length));
    }

    [Fact]
    public async Task SynthesizeAsync_8kHzVoice_IsPassedThroughAt8kHz()
    {
        var wideband = new FliteSynthesizer(Options.Create(new FliteOptions { Voice = "kal16" }));
        var narrowband = new FliteSynthesizer(Options.Create(new FliteOptions { Voice = "kal" }));

        var fromWideband = (await Collect(wideband.SynthesizeAsync("Good morning.", null, CancellationToken.None))).Sum(c => c.Length);
        var fromNarrowband = (await Collect(narrowband.SynthesizeAsync("Good morning.", null, CancellationToken.None))).Sum(c => c.Length);

        // kal16 and kal are the same speaker at 16 and 8 kHz: both come out at 8000 bytes a second, so about as long.
        Assert.InRange(fromNarrowband / (double)fromWideband, 0.8, 1.25);
    }

    [Fact]
    public async Task SynthesizeAsync_FliteMissing_ThrowsNamingTheSetting()
    {
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions { Path = "/nonexistent/flite" }));

        var exception = await Assert.ThrowsAsync<SpeechToolNotFoundException>(
            () => Collect(synthesizer.SynthesizeAsync("Hello.", null, CancellationToken.None)));

        Assert.Contains("Speech:Local:Flite:Path", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_NotEnglish_IsNotSupported()
    {
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions()));

        await Assert.ThrowsAsync<NotSupportedException>(() => Collect(synthesizer.SynthesizeAsync("Hola.", "es-MX", CancellationToken.None)));
    }

    private static async Task<byte[][]> Collect(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks)
    {
        var collected = new List<byte[]>();
        await foreach (var chunk in chunks)
        {
            collected.Add(chunk.ToArray());
        }

        return [.. collected];
    }
}
