using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using VoiceAgent.LocalStack;

namespace VoiceAgent.TestSupport;

/// <summary>
/// <c>tools/dev --serve --in-memory</c> as a developer or a load driver runs it: started with SIGINT at its default
/// (as a terminal leaves it), read up to its <c>READY</c> line, and stopped with SIGINT.
/// </summary>
public sealed partial class DevServe : IAsyncDisposable
{
    private const int SigInt = 2;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(4);
    private readonly Process _process;

    private DevServe(Process process, JsonElement ready)
    {
        _process = process;
        Ready = ready;
    }

    public JsonElement Ready { get; }

    public string Functions => Ready.GetProperty("functions").GetString()!;

    public int ProcessId => _process.Id;

    /// <summary>Starts <c>tools/dev --serve --in-memory</c> with <paramref name="options"/> after those, and reads it up to READY.</summary>
    public static async Task<DevServe> StartAsync(params string[] options)
    {
        // `env --default-signal=INT`: a background job of a non-interactive shell inherits SIGINT ignored, which bash
        // cannot trap; a terminal's foreground job has it at its default, as here.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "bash", "tools/dev", "--serve", "--in-memory", .. options])
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("TWILIO_AUTH_TOKEN");
        start.Environment.Remove("TWILIO_ACCOUNT_SID");
        var process = Process.Start(start) ?? throw new InvalidOperationException("tools/dev did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    return new DevServe(process, JsonDocument.Parse(line["READY ".Length..]).RootElement.Clone());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        throw new InvalidOperationException($"tools/dev --serve printed no READY line. Its stderr:\n{await errors}");
    }

    /// <summary>Every process tools/dev started (its descendants), read from /proc.</summary>
    public IReadOnlyList<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([_process.Id]);
        while (frontier.TryDequeue(out var pid))
        {
            foreach (var child in parents.Where(p => p.Value == pid).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    public static bool IsAlive(int pid) => ParentOf(pid) is not null && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    /// <summary>Sends SIGINT (Ctrl-C) and waits for tools/dev to exit; its exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (Kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill(SIGINT) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
