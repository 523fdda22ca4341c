using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// What the Functions host's Durable extension is to the worker: the Durable Task gRPC sidecar (<see cref="TaskHubGrpcServer"/>,
/// public in Microsoft.DurableTask.InProcessTestHost, preview) on a loopback HTTP/2 port of its own, dispatching the
/// app's task hub on DurableTask.AzureStorage (the extension's default backend) in the app's storage. It starts
/// before the Durable worker connects and stops after it has gone; the hub is created if missing.
/// </summary>
public sealed partial class DurableSidecar(
    DurableTaskHostOptions options,
    IConfiguration configuration,
    ILoggerFactory loggerFactory,
    ILogger<DurableSidecar> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The app's storage: AzureWebJobsStorage in Azure, Azurite here.</summary>
    public const string ConnectionStringSetting = "Storage:ConnectionString";

    private AzureStorageOrchestrationService? _service;
    private StopOnceOrchestrationService? _backend;
    private WebApplication? _server;
    private IPEndPoint? _endPoint;

    public string HubName => options.HubName;

    /// <summary>Where the sidecar listens; the gRPC channel connects here (its address is a placeholder).</summary>
    public IPEndPoint EndPoint => _endPoint ?? throw new InvalidOperationException("The Durable sidecar has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration[ConnectionStringSetting] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Durable functions run on the app's storage: set {ConnectionStringSetting} (Azurite's connection string locally).");
        var service = new AzureStorageOrchestrationService(TaskHubSettings.Create(options, connectionString, loggerFactory));
        _service = service;
        _backend = new StopOnceOrchestrationService(service);
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DurableSidecar).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.AddSingleton<IHostLifetime, InnerHostLifetime>();
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton<IOrchestrationService>(_backend);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(new ExtensionClientRules(service, options.OverridableExistingInstanceStates));
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        _server = server;
        await server.StartAsync(cancellationToken);
        _endPoint = IPEndPoint.Parse(new Uri(server.Urls.First()).Authority);
        LogStarted(logger, options.HubName, _endPoint.Port);
    }

    /// <summary>
    /// Stops the gRPC server, then the backend. The sidecar stops its dispatchers on its own without waiting, and only
    /// stops the backend once every work item it handed out has come back, which a worker that has already gone never
    /// does: the backend is stopped here, releasing its partition leases for the next host on this hub.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken);
        }

        if (_backend is { } backend)
        {
            try
            {
                await backend.StopAsync(isForced: true).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogStopTimedOut(logger, options.HubName);
            }
        }
    }

    /// <summary>Deletes the task hub's tables, queues and containers (the host is stopped first).</summary>
    public async Task DeleteTaskHubAsync(CancellationToken cancellationToken)
    {
        var service = _service ?? throw new InvalidOperationException("The Durable sidecar has not started.");
        await service.DeleteAsync(deleteInstanceStore: true).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            await server.DisposeAsync();
            _server = null;
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Durable task hub {HubName} on DurableTask.AzureStorage; sidecar on loopback port {Port}")]
    private static partial void LogStarted(ILogger logger, string hubName, int port);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "Durable task hub {HubName}: the backend did not stop in time; its leases expire on their own")]
    private static partial void LogStopTimedOut(ILogger logger, string hubName);
}
