using System.ComponentModel;
using System.Diagnostics;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>
/// Runs a local speech tool once to completion: arguments passed as a list (never through a shell, so the text spoken
/// cannot become a command), optional bytes on its stdin, its stdout returned. On cancellation the tool and its
/// children are killed, so an abandoned turn (the caller hung up, barged in) leaves no process behind.
/// </summary>
internal static class SpeechToolProcess
{
    /// <summary>How much of a failed tool's stderr goes into the exception: its last lines say why.</summary>
    private const int StandardErrorTail = 2000;

    /// <param name="setting">The configuration key naming <paramref name="tool"/>, for the message when it is missing.</param>
    public static async Task<byte[]> RunAsync(
        string tool, IEnumerable<string> arguments, ReadOnlyMemory<byte> input, string setting, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new SpeechToolNotFoundException(tool, setting, exception);
        }

        using var registration = cancellationToken.Register(() => Kill(process));
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, CancellationToken.None);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited (or was killed) before reading all its input: its exit code below says why.
        }

        await process.WaitForExitAsync(CancellationToken.None);
        await reading;
        var standardError = await errors;
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            var tail = standardError.Length > StandardErrorTail ? standardError[^StandardErrorTail..] : standardError;
            throw new InvalidOperationException($"'{tool}' exited with code {process.ExitCode}: {tail.Trim()}");
        }

        return output.ToArray();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }
}
