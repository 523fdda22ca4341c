using Microsoft.Extensions.Hosting;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// The lifetime of a server the local host runs inside itself (the Durable sidecar): no Ctrl-C or SIGTERM handling of
/// its own, so the app decides when it stops, after the worker that talks to it.
/// </summary>
internal sealed class InnerHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
