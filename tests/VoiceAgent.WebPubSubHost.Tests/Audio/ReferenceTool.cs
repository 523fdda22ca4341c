using System.Diagnostics;

namespace VoiceAgent.WebPubSubHost.Tests.Audio;

/// <summary>Runs sox or flite, the references the audio code is checked against, with bytes in and bytes out.</summary>
internal static class ReferenceTool
{
    public static async Task<byte[]> RunAsync(string tool, IEnumerable<string> arguments, byte[]? input = null)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(input ?? []);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        await reading;
        var standardError = await errors;
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {standardError}");
        return output.ToArray();
    }

    /// <summary>flite's recording of <paramref name="text"/> as a WAV (16 kHz for the rms voice).</summary>
    public static Task<byte[]> FliteAsync(string text, string voice = "rms") =>
        RunAsync("flite", ["-voice", voice, "-t", text, "-o", "/dev/stdout"]);

    public static short[] ToSamples(byte[] littleEndian)
    {
        var samples = new short[littleEndian.Length / 2];
        Buffer.BlockCopy(littleEndian, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    public static byte[] ToBytes(short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
