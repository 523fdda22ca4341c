using System.Diagnostics;
using System.Net;

namespace VoiceAgent.WebhookLoad;

/// <summary>
/// Sends requests with a fixed number in flight (closed loop: each worker sends its next request when the last one
/// answered) and times each one from send to the end of the body.
/// </summary>
public sealed class LoadRun(HttpClient http, IncomingCallWebhook webhook, int concurrency)
{
    public static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<LoadResult> RunAsync(int requests, CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        Array.Fill(latencies, double.NaN);
        var next = -1;
        var errors = 0;
        string? firstError = null;

        async Task WorkerAsync()
        {
            int index;
            while (!cancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < requests)
            {
                var failure = await SendOneAsync(latencies, index, cancellationToken);
                if (failure is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, failure, null);
                }
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Time limit or Ctrl-C: report what finished.
        }

        var attempted = Math.Min(Volatile.Read(ref next) + 1, requests);
        return new LoadResult([.. latencies.Where(l => !double.IsNaN(l))], attempted, errors, firstError);
    }

    private async Task<string?> SendOneAsync(double[] latencies, int index, CancellationToken cancellationToken)
    {
        using var request = webhook.Create();
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"HTTP {(int)response.StatusCode}: {Truncate(body)}";
            }

            return body.Contains("<Response", StringComparison.Ordinal) ? null : $"200 without <Response>: {Truncate(body)}";
        }
        catch (HttpRequestException e)
        {
            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return e.Message;
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return $"timed out: {e.Message}";
        }
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
