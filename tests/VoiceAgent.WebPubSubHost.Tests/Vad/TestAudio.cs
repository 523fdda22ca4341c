using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using VoiceAgent.WebPubSubHost.Vad;

namespace VoiceAgent.WebPubSubHost.Tests.Vad;

/// <summary>
/// Audio for the voice activity tests, made here: real speech from flite (resampled to 8 kHz by sox, cached per text),
/// Gaussian noise at a chosen level, and the positions where speech actually is, measured from the samples.
/// </summary>
internal static class TestAudio
{
    public const int Rate = VoiceActivityTracker.SampleRate;

    private static readonly string CacheDirectory = Path.Combine(Path.GetTempPath(), "voiceagent-vad-tests");

    /// <summary>8 kHz speech of <paramref name="text"/> in flite's <c>slt</c> voice.</summary>
    public static short[] Speech(string text)
    {
        Directory.CreateDirectory(CacheDirectory);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        var raw = Path.Combine(CacheDirectory, $"{key}.raw");
        if (!File.Exists(raw))
        {
            var wav = Path.Combine(CacheDirectory, $"{key}.wav");
            Run("flite", "-voice", "slt", "-t", text, "-o", wav);
            Run("sox", wav, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw + ".tmp");
            File.Move(raw + ".tmp", raw, overwrite: true);
        }

        var bytes = File.ReadAllBytes(raw);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    /// <summary>Gaussian white noise whose RMS is <paramref name="dbfs"/>.</summary>
    public static short[] Noise(TimeSpan duration, double dbfs, int seed)
    {
        var random = new Random(seed);
        var rms = 32768 * Math.Pow(10, dbfs / 20);
        var samples = new short[Samples(duration)];
        for (var i = 0; i < samples.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            samples[i] = (short)Math.Clamp(Math.Round(gaussian * rms), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>The <paramref name="duration"/> of <paramref name="source"/> with the most energy, faded in and out over 10 ms.</summary>
    public static short[] LoudestStretch(short[] source, TimeSpan duration)
    {
        var length = Samples(duration);
        var best = 0;
        var bestEnergy = double.MinValue;
        for (var start = 0; start + length <= source.Length; start += Rate / 200)
        {
            var energy = EnergyGate.LevelOf(source.AsSpan(start, length));
            if (energy > bestEnergy)
            {
                (best, bestEnergy) = (start, energy);
            }
        }

        var stretch = source.AsSpan(best, length).ToArray();
        var fade = Samples(TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < fade; i++)
        {
            stretch[i] = (short)(stretch[i] * i / fade);
            stretch[^(i + 1)] = (short)(stretch[^(i + 1)] * i / fade);
        }

        return stretch;
    }

    /// <summary><paramref name="bed"/> with <paramref name="sound"/> added at <paramref name="at"/>.</summary>
    public static short[] Mix(short[] bed, short[] sound, TimeSpan at)
    {
        var mixed = (short[])bed.Clone();
        var offset = Samples(at);
        for (var i = 0; i < sound.Length && offset + i < mixed.Length; i++)
        {
            mixed[offset + i] = (short)Math.Clamp(mixed[offset + i] + sound[i], short.MinValue, short.MaxValue);
        }

        return mixed;
    }

    /// <summary>Where the sound is: the first and last 10 ms blocks louder than <paramref name="dbfs"/> (end exclusive).</summary>
    public static (TimeSpan Start, TimeSpan End) Extent(short[] sound, double dbfs = -40)
    {
        var block = Rate / 100;
        var loud = Enumerable.Range(0, sound.Length / block).Where(b => EnergyGate.LevelOf(sound.AsSpan(b * block, block)) > dbfs).ToArray();
        return (TimeSpan.FromMilliseconds(loud[0] * 10), TimeSpan.FromMilliseconds((loud[^1] + 1) * 10));
    }

    public static int Samples(TimeSpan duration) => (int)(duration.TotalSeconds * Rate);

    /// <summary>Feeds the audio in 20 ms frames; each event comes with the audio time it was known at (its frame's end).</summary>
    public static List<(VoiceActivityEvent Event, TimeSpan KnownAt)> Track(VoiceActivityTracker tracker, short[] audio)
    {
        var events = new List<(VoiceActivityEvent, TimeSpan)>();
        var frame = VoiceActivityTracker.FrameSamples;
        for (var offset = 0; offset + frame <= audio.Length; offset += frame)
        {
            var at = TimeSpan.FromSeconds(offset / (double)Rate);
            if (tracker.Push(audio.AsSpan(offset, frame), at) is { } happened)
            {
                events.Add((happened, at + TimeSpan.FromMilliseconds(20)));
            }
        }

        return events;
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is needed to make test audio: apt-get install -y flite sox", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
            }
        }
    }
}
