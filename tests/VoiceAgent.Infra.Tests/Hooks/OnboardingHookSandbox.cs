using System.Diagnostics;
using System.Runtime.Versioning;

namespace VoiceAgent.Infra.Tests.Hooks;

/// <summary>
/// A temporary folder where infra/hooks/onboard-shops.sh runs against stand-in <c>tools/tenant</c>,
/// <c>tools/twilio-webhooks</c> and <c>az</c> that record each call (tool, the Twilio variables it saw, its arguments)
/// and answer as told through <c>FAKE_*</c> variables. The hook gets a clean environment: PATH holds only the stand-ins and
/// the few system commands the script uses, so whether <c>az</c> is there is up to the test.
/// </summary>
// The hook is a POSIX sh script, run and checked where azd runs it on Linux and macOS.
[UnsupportedOSPlatform("windows")]
internal sealed class OnboardingHookSandbox : IDisposable
{
    private static readonly string[] SystemCommands = ["sh", "dirname", "basename", "tr"];

    // Each stand-in writes one line: name|TWILIO_ACCOUNT_SID|TWILIO_AUTH_TOKEN|arguments, with "-" for an unset variable.
    private const string Record = """printf '%s|%s|%s|%s\n' "$(basename "$0")" "${TWILIO_ACCOUNT_SID--}" "${TWILIO_AUTH_TOKEN--}" "$*" >> "$FAKE_LOG" """;

    public OnboardingHookSandbox()
    {
        Directory.CreateDirectory(ToolsDirectory);
        Directory.CreateDirectory(BinDirectory);
        Directory.CreateDirectory(ProfilesDirectory);
        File.WriteAllText(Path.Combine(ProfilesDirectory, "northside.yaml"), "id: northside-auto\n");
        foreach (var command in SystemCommands)
        {
            File.CreateSymbolicLink(Path.Combine(BinDirectory, command), Which(command));
        }

        WriteScript(Path.Combine(ToolsDirectory, "tenant"), $$"""
            {{Record}}
            case "$1" in
              numbers) printf '%b' "${FAKE_NUMBERS-}"; exit "${FAKE_NUMBERS_EXIT:-0}" ;;
              apply) echo "applied $2"; exit "${FAKE_APPLY_EXIT:-0}" ;;
            esac
            exit 2
            """);
        WriteScript(Path.Combine(ToolsDirectory, "twilio-webhooks"), $$"""
            {{Record}}
            echo "webhooks printed by the stand-in"
            exit "${FAKE_WEBHOOKS_EXIT:-0}"
            """);
        WriteScript(Path.Combine(BinDirectory, "az"), $$"""
            {{Record}}
            [ "${FAKE_AZ_EXIT:-0}" = 0 ] || { echo "ERROR: Forbidden" >&2; exit "$FAKE_AZ_EXIT"; }
            printf '%s\n' "${FAKE_SECRET-}"
            """);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "voiceagent-hook-" + Guid.NewGuid().ToString("N"));

    public string ToolsDirectory => Path.Combine(Folder, "tools");

    public string ProfilesDirectory => Path.Combine(Folder, "profiles");

    private string BinDirectory => Path.Combine(Folder, "bin");

    private string LogFile => Path.Combine(Folder, "calls.log");

    public static string HookScript => Path.Combine(RepositoryPaths.Infra, "hooks", "onboard-shops.sh");

    /// <summary>Takes <c>az</c> off the hook's PATH.</summary>
    public void RemoveAzureCli() => File.Delete(Path.Combine(BinDirectory, "az"));

    /// <summary>Removes a stand-in from the tools folder (<c>tenant</c> or <c>twilio-webhooks</c>).</summary>
    public void RemoveTool(string name) => File.Delete(Path.Combine(ToolsDirectory, name));

    /// <summary>
    /// Runs the hook as azd does (sh, from the project folder, or from <paramref name="workingDirectory"/>) with exactly
    /// <paramref name="environment"/> plus PATH and the tools folder.
    /// </summary>
    public async Task<HookRun> RunAsync(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HookScript);
        start.Environment.Clear();
        start.Environment["PATH"] = BinDirectory;
        start.Environment["VOICEAGENT_TOOLS_DIR"] = ToolsDirectory;
        start.Environment["FAKE_LOG"] = LogFile;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cancel.Token);
        var calls = File.Exists(LogFile) ? File.ReadAllLines(LogFile).Select(ToolCall.Parse).ToList() : [];
        File.Delete(LogFile);
        return new HookRun(new ProcessResult(process.ExitCode, await stdout, await stderr), calls);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void WriteScript(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Which(string command) =>
        new[] { "/usr/bin", "/bin" }.Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{command} is not in /usr/bin or /bin.");
}
