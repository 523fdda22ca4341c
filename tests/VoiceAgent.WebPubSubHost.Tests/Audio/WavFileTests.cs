using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.WebPubSubHost.Tests.Audio;

public sealed class WavFileTests
{
    [Fact]
    public void Parse_WrittenFile_GivesTheSamplesBack()
    {
        var samples = Tone.Sine(440, 8_000, 1_000);

        var parsed = WavFile.Parse(new WavFile(8_000, samples).ToBytes());

        Assert.Equal(8_000, parsed.SampleRate);
        Assert.Equal(samples, parsed.Samples);
    }

    [Fact]
    public async Task ToBytes_File_IsReadBySoxAsTheSameSamples()
    {
        var samples = Tone.Sine(440, 8_000, 1_000);

        var raw = await ReferenceTool.RunAsync("sox", ["-t", "wav", "-", "-t", "s16", "-L", "-"], new WavFile(8_000, samples).ToBytes());

        Assert.Equal(samples, ReferenceTool.ToSamples(raw));
    }

    [Fact]
    public async Task Parse_FliteRecording_Reads16kHz()
    {
        var parsed = WavFile.Parse(await ReferenceTool.FliteAsync("hello"));

        Assert.Equal(16_000, parsed.SampleRate);
        Assert.Contains(parsed.Samples, sample => Math.Abs((int)sample) > 1_000);
    }

    [Fact]
    public async Task Parse_MuLawWav_IsRefused()
    {
        var mulawWav = await ReferenceTool.RunAsync(
            "sox", ["-t", "s16", "-L", "-r", "8000", "-c", "1", "-", "-t", "wav", "-e", "u-law", "-"], new byte[1_600]);

        Assert.Throws<FormatException>(() => WavFile.Parse(mulawWav));
    }

    [Fact]
    public void Parse_NotRiff_IsRefused()
    {
        Assert.Throws<FormatException>(() => WavFile.Parse("not a wave file at all"u8));
    }
}
