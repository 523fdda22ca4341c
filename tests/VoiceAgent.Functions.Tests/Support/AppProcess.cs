using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalStack;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The functions app as an OS process of its own: the local Functions host executable (what <c>tools/dev</c> runs),
/// with its app settings in the environment, on a fixed loopback port. <see cref="Kill"/> is a crash (SIGKILL to the
/// process tree: nothing is flushed, no lease released); <see cref="StartAgainAsync"/> starts it again with the same
/// settings, so the same tables, task hub and port. Its clock is a fake one (<c>LocalHost:Clock</c>) that only
/// <see cref="MoveClockAsync"/> moves; <see cref="Clock"/> mirrors it here (give it to the Twilio stand-in, so both
/// stamp sends with the same "now"), and each start begins where the mirror stands.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int LogLines = 400;
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _process;
    private int _starts;

    private AppProcess(IReadOnlyDictionary<string, string> settings, FakeTimeProvider clock, Uri baseUrl)
    {
        _settings = settings;
        Clock = clock;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the app listens (the same across restarts).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The test's copy of the app's fake clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <param name="settings">App settings as configuration keys (<c>Twilio:AuthToken</c>); passed as <c>Twilio__AuthToken</c>.</param>
    /// <param name="clock">Where the app's clock starts; moved only through <see cref="MoveClockAsync"/>.</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, FakeTimeProvider clock, CancellationToken cancellationToken)
    {
        var app = new AppProcess(settings, clock, new Uri($"http://127.0.0.1:{FreePort()}"));
        await app.StartAgainAsync(cancellationToken);
        return app;
    }

    /// <summary>Starts the executable (after a <see cref="Kill"/>) and waits until <c>/api/health</c> answers.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The app is still running.");
        }

        var run = Interlocked.Increment(ref _starts);
        var start = new ProcessStartInfo("dotnet", [HostExecutable()])
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = BaseUrl.GetLeftPart(UriPartial.Authority);
        start.Environment["LocalHost__Clock"] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Log(run, line.Data);
        process.ErrorDataReceived += (_, line) => Log(run, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process?.Dispose();
        _process = process;
        await WaitForHealthAsync(process, cancellationToken);
    }

    /// <summary>Kills the app as a crash would: no shutdown, nothing flushed or released. Returns once it has exited.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Moves the app's clock to <paramref name="to"/> (<c>POST /admin/host/clock</c>: each timer fires at its own time on
    /// the way). The mirror moves first, so whatever the timers send is stamped with the new time here too.
    /// </summary>
    public async Task MoveClockAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        Clock.SetUtcNow(to);
        var at = Uri.EscapeDataString(to.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        using var response = await _http.PostAsync(new Uri(BaseUrl, $"/admin/host/clock?to={at}"), content: null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The app did not move its clock to {to:O}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The app's last console lines, every start included (for a failing assertion's message).</summary>
    public string LogTail(int lines = 80) => string.Join('\n', _log.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _http.Dispose();
    }

    private async Task WaitForHealthAsync(Process process, CancellationToken cancellationToken)
    {
        var health = new Uri(BaseUrl, "/api/health");
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < HealthyWithin)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited ({process.ExitCode}) before it was healthy:\n{LogTail()}");
            }

            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probe.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await _http.GetAsync(health, probe.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // not listening yet
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"The app was not healthy at {health} within {HealthyWithin.TotalSeconds:0} s:\n{LogTail()}");
    }

    private void Log(int run, string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue($"[run {run}] {line}");
        while (_log.Count > LogLines && _log.TryDequeue(out _))
        {
        }
    }

    /// <summary>The local host's build output in this test's configuration (the test project builds it).</summary>
    private static string HostExecutable()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug"; // bin/{Configuration}/net10.0/
        var path = Path.Combine(RepositoryRoot.Find(), "tools", "LocalFunctionsHost", "bin", configuration, "net10.0", "VoiceAgent.LocalFunctionsHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build tools/LocalFunctionsHost ({configuration}) first: {path} is missing.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
