using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceAgent.LocalStack;

/// <summary>
/// Azurite, the real Azure Storage emulator (npm, pinned in package.json), started in memory on free ports and
/// stopped on dispose. Tests and local runs use it; storage is never mocked.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;

    private AzuriteServer(int blobPort, int queuePort, int tablePort)
    {
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The well-known Azurite development account, on this instance's ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        // A free port can be taken by another process (a parallel test run) between our probe and Azurite's bind:
        // try again on fresh ports before giving up.
        const int attempts = 4;
        for (var attempt = 1; ; attempt++)
        {
            var server = new AzuriteServer(FreePort(), FreePort(), FreePort());
            try
            {
                await server.StartProcessAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < attempts && !cancellationToken.IsCancellationRequested)
            {
                await server.StopAsync();
            }
        }
    }

    /// <summary>Stops the emulator (to simulate a storage outage); <see cref="RestartAsync"/> brings it back, empty.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            _process = null;
        }
    }

    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}. Run 'npm ci' in {root} (tools/test and tools/dev do this).");
        }

        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Ready when Azurite itself says all three services listen on our ports: a TCP probe could be answered by
        // another process that took a port first (then Azurite exits with EADDRINUSE and StartAsync tries new ports).
        var listening = new ConcurrentDictionary<int, bool>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ConcurrentQueue<string>();
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            output.Enqueue(line);
            foreach (var port in new[] { BlobPort, QueuePort, TablePort })
            {
                if (line.Contains("successfully listening", StringComparison.Ordinal) && line.EndsWith($":{port}", StringComparison.Ordinal))
                {
                    listening[port] = true;
                }
            }

            if (listening.Count == 3)
            {
                ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
            }
        };
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited while starting: {string.Join(" | ", output.TakeLast(3))}"));
        if (!_process.Start())
        {
            throw new InvalidOperationException("Azurite did not start.");
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"Azurite did not report listening on ports {BlobPort}, {QueuePort}, {TablePort} within 30 s: {string.Join(" | ", output.TakeLast(3))}", ex);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
