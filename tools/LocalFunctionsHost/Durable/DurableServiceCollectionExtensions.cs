using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>Registers the local Durable engine for the app's Durable functions, from the catalog (never a second list).</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// The sidecar over DurableTask.AzureStorage, a Durable Task worker whose orchestrators and activities are the
    /// app's functions, the client (<c>[DurableClient]</c>, <see cref="DurableWorkflows"/>), and the worker's JSON
    /// (case-insensitive property names, as the isolated worker's serializer) for inputs and outputs.
    /// </summary>
    public static IServiceCollection AddDurableFunctions(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<FunctionEntryPoint> functions)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(functions);
        var options = configuration.GetSection(DurableTaskHostOptions.Section).Get<DurableTaskHostOptions>() ?? new DurableTaskHostOptions();
        TaskHubSettings.Validate(options);
        var durable = functions.Select(DurableFunction.From).OfType<DurableFunction>().ToList();
        foreach (var function in functions)
        {
            DurableClientBinding.EnsureServed(function, options, configuration);
        }

        services.AddSingleton(options);
        services.AddSingleton<DurableSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>()); // before the worker: it starts first and stops last
        services.AddSingleton<SidecarChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<JsonSerializerOptions>, WorkerJsonOptions>());

        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            worker.Services.AddOptions<DurableTaskRegistry>(worker.Name).Configure<IServiceScopeFactory>((registry, scopes) => Register(registry, durable, scopes));
            worker.Services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name).Configure<SidecarChannel>((grpc, sidecar) => grpc.Channel = sidecar.Channel);
            worker.Services.AddOptions<DurableTaskWorkerOptions>(worker.Name).Configure<IOptions<JsonSerializerOptions>>((settings, json) =>
            {
                settings.DataConverter = new JsonDataConverter(json.Value);
                settings.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivityFunctions;
                settings.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions;
            });
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.RegisterDirectly();
            client.Services.AddOptions<GrpcDurableTaskClientOptions>(client.Name).Configure<SidecarChannel>((grpc, sidecar) => grpc.Channel = sidecar.Channel);
            client.Services.AddOptions<DurableTaskClientOptions>(client.Name).Configure<IOptions<JsonSerializerOptions>>((settings, json) => settings.DataConverter = new JsonDataConverter(json.Value));
        });

        services.AddSingleton<IInputBindingProvider, DurableClientBinding>();
        services.AddSingleton<DurableWorkflows>();
        return services;
    }

    private static void Register(DurableTaskRegistry registry, IEnumerable<DurableFunction> functions, IServiceScopeFactory scopes)
    {
        foreach (var function in functions)
        {
            if (function.Function.Definition.Trigger.Type.Equals(DurableFunction.OrchestrationTrigger, StringComparison.OrdinalIgnoreCase))
            {
                registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function, scopes));
            }
            else
            {
                registry.AddActivity(function.Name, sp => new FunctionActivity(function, sp.GetRequiredService<FunctionInvoker>(), sp));
            }
        }
    }

    /// <summary>The isolated worker's default serializer options: System.Text.Json defaults, property names case-insensitive.</summary>
    private sealed class WorkerJsonOptions : IConfigureOptions<JsonSerializerOptions>
    {
        public void Configure(JsonSerializerOptions options) => options.PropertyNameCaseInsensitive = true;
    }
}
