using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.Simulator.Tests.Telephony;

/// <summary>A scenario's recorded caller line: played at 8 kHz as it is, halved from 16 kHz, refused otherwise with the file named.</summary>
public sealed class CallerVoiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("caller-voice-").FullName;

    [Fact]
    public async Task ReadWavAsync_8kHzRecording_IsPlayedSampleForSample()
    {
        short[] samples = [0, 1000, -1000, 32767, -32768, 5];
        var path = Write("8k.wav", new WavFile(8000, samples).ToBytes());

        Assert.Equal(samples, await CallerVoice.ReadWavAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task ReadWavAsync_16kHzRecording_IsHalvedTo8kHz()
    {
        var path = Write("16k.wav", new WavFile(16000, new short[3200]).ToBytes());

        Assert.Equal(1600, (await CallerVoice.ReadWavAsync(path, CancellationToken.None)).Length);
    }

    [Fact]
    public async Task ReadWavAsync_OtherRate_FailsNamingTheFileAndTheRate()
    {
        var path = Write("cd.wav", new WavFile(44100, new short[441]).ToBytes());

        var error = await Assert.ThrowsAsync<CallFailedException>(() => CallerVoice.ReadWavAsync(path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("44100 Hz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadWavAsync_NotAWav_FailsNamingTheFile()
    {
        var path = Write("notes.wav", "not audio"u8.ToArray());

        var error = await Assert.ThrowsAsync<CallFailedException>(() => CallerVoice.ReadWavAsync(path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
