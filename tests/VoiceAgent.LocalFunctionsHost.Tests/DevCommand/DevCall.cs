using System.Diagnostics;
using VoiceAgent.LocalStack;

namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// <c>tools/dev</c> as a person runs it with piped input (<c>printf '…' | tools/dev …</c>): the lines are written, input
/// is closed, and the run is read to its end. It runs what the test project's references built (<c>--no-build</c>),
/// with its logs in a directory of its own, and is killed (with everything it started) if it outlives the bound.
/// </summary>
internal static class DevCall
{
    public static async Task<DevCallResult> RunAsync(IReadOnlyList<string> args, IReadOnlyList<string> input, TimeSpan bound)
    {
        var logs = Directory.CreateTempSubdirectory("dev-call-").FullName;
        var start = new ProcessStartInfo("bash", ["tools/dev", "--no-build", "--logs", logs, .. args])
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("TWILIO_AUTH_TOKEN");
        start.Environment.Remove("TWILIO_ACCOUNT_SID");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tools/dev did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        foreach (var line in input)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"tools/dev ran longer than {bound}. Its output:\n{await output}\nIts stderr:\n{await errors}\nApp log: {logs}/functions.log");
        }

        return new DevCallResult(process.ExitCode, (await output).Split('\n').Select(l => l.TrimEnd('\r')).ToList(), await errors, logs);
    }
}
