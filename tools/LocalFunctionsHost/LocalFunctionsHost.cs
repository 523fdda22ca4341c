using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalFunctionsHost.Durable;
using VoiceAgent.LocalFunctionsHost.Invocation;
using VoiceAgent.LocalFunctionsHost.Metadata;
using VoiceAgent.LocalFunctionsHost.Triggers;

namespace VoiceAgent.LocalFunctionsHost;

/// <summary>
/// A local stand-in for the Azure Functions host. It indexes the app from its generated <c>functions.metadata</c> (never
/// from a second table), registers the app's own services, and runs its functions as the isolated worker would:
/// <list type="bullet">
/// <item>HTTP triggers on their routes (ASP.NET Core integration), timer triggers on their NCRONTAB schedules on the
/// app's <see cref="TimeProvider"/>, and the host's admin call to run a non-HTTP function now;</item>
/// <item>Durable Functions (<c>orchestrationTrigger</c>, <c>activityTrigger</c>, <c>[DurableClient]</c>) on the real
/// Durable Task engine: the gRPC sidecar over DurableTask.AzureStorage (the extension's backend) in the app's storage,
/// with the task hub and storage-provider settings of host.json (<c>extensions.durableTask</c>), which app settings
/// override as in Azure (<c>AzureFunctionsJobHost__extensions__durableTask__hubName</c>);</item>
/// <item>host.json values as configuration under <c>AzureFunctionsJobHost</c>, under the app's settings.</item>
/// </list>
/// Not emulated: host keys and authorization levels, scale-out, host-level retries, the host's logging and telemetry,
/// <c>FunctionContext</c>, output bindings, Durable entities, the Durable HTTP management API
/// (<c>CreateCheckStatusResponse</c>, <c>CreateHttpManagementPayload</c>), scheduled starts (<c>StartAt</c>: the
/// sidecar starts at once), and any serializer the app sets on <c>WorkerOptions</c> (Durable inputs and outputs use
/// System.Text.Json with the worker's default options, case-insensitive property names).
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalFunctionsHost(WebApplication app, LocalFunctionCatalog catalog)
    {
        _app = app;
        Catalog = catalog;
    }

    public LocalFunctionCatalog Catalog { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the host listens (after start).</summary>
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>The client of the app's task hub, or null when the app has no Durable functions.</summary>
    public DurableTaskClient? Workflows => _app.Services.GetService<DurableWorkflows>()?.Client;

    public static LocalFunctionsHost Create(LocalFunctionsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var catalog = LocalFunctionCatalog.Load(options.MetadataPath, options.FunctionsAssembly);
        var hostJson = HostJson.Load(options.HostJsonPath);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ApplicationName = options.FunctionsAssembly.GetName().Name });
        // host.json is the host's configuration; app settings (environment, arguments, the options' settings) win over it.
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = hostJson.Settings });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        options.AddFunctionsServices(builder.Services, builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<TimerTriggerScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerTriggerScheduler>());
        if (catalog.Functions.Any(DurableFunction.NeedsEngine))
        {
            builder.Services.AddDurableFunctions(builder.Configuration, catalog.Functions);
            builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        }

        options.Configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            var invoker = app.Services.GetRequiredService<FunctionInvoker>();
            foreach (var function in catalog.Functions)
            {
                invoker.EnsureBindable(function, TriggerRunners.TriggerData(function));
            }
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        app.MapHttpTriggers(catalog.Functions, hostJson.RoutePrefix);
        app.MapPost("/admin/functions/{name}", RunFunctionNowAsync);
        // Local only: the app's clock now, and whether it is a fake one that POST moves (tools/dev's /clock).
        app.MapGet("/admin/host/clock", (TimeProvider time) => TypedResults.Ok(new { now = time.GetUtcNow(), fake = time is FakeTimeProvider }));
        app.MapPost("/admin/host/clock", AdvanceClockAsync);
        return new LocalFunctionsHost(app, catalog);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <summary>Runs until the process is told to stop (Ctrl-C, SIGTERM).</summary>
    public Task RunAsync() => _app.RunAsync();

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>
    /// True once no workflow instance is pending or running (real time, at most <paramref name="max"/>); true at once
    /// for an app without Durable functions.
    /// </summary>
    public Task<bool> WaitForWorkflowsQuietAsync(TimeSpan max, CancellationToken cancellationToken) =>
        _app.Services.GetService<DurableWorkflows>() is { } workflows ? workflows.WaitForQuietAsync(max, cancellationToken) : Task.FromResult(true);

    /// <summary>
    /// Stops the host and deletes its task hub (its tables, queues and containers): for a host with a hub of its own on
    /// a long-lived Azurite, such as a scenario run's. Nothing to do for an app without Durable functions.
    /// </summary>
    public async Task DeleteTaskHubAsync(CancellationToken cancellationToken)
    {
        if (_app.Services.GetService<DurableWorkflows>() is { } workflows)
        {
            await _app.StopAsync(cancellationToken);
            await workflows.DeleteTaskHubAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }

    /// <summary>The host's admin API for non-HTTP functions: run it now (202), as <c>POST /admin/functions/{name}</c> does in Azure.</summary>
    private static async Task<IResult> RunFunctionNowAsync(string name, LocalFunctionCatalog catalog, TimerTriggerScheduler timers, CancellationToken cancellationToken)
    {
        var function = catalog.Find(name);
        if (function is null)
        {
            return TypedResults.NotFound();
        }

        if (!function.Definition.Trigger.Type.Equals(TimerTriggerScheduler.BindingType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.BadRequest($"{function.Name} has a {function.Definition.Trigger.Type}; only timer functions run from here.");
        }

        await timers.RunNowAsync(function, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Local only: moves the app's clock forward when it is a fake one (<c>tools/dev --clock</c>, tests), by a time span
    /// (<c>?by=01:30:00</c>) or to an instant (<c>?to=2026-12-02T15:00:00Z</c>), one timer occurrence at a time so every
    /// timer fires at its own time. <c>settle=00:00:30</c> also waits, after each firing, up to that long for the
    /// workflows it started to go quiet. Answers once the clock is there.
    /// </summary>
    private static async Task<IResult> AdvanceClockAsync(
        string? by,
        string? to,
        string? settle,
        TimeProvider time,
        TimerTriggerScheduler timers,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (time is not FakeTimeProvider fake)
        {
            return TypedResults.Conflict("The app runs on the real clock; start it with a fake clock (tools/dev --clock) to move it.");
        }

        if (ClockMove.Target(fake.GetUtcNow(), by, to) is not { } target)
        {
            return TypedResults.BadRequest("Give by, a positive time span (01:30:00), or to, an instant from now on (2026-12-02T15:00:00Z).");
        }

        if (!ClockMove.TryParseSettle(settle, out var quiet))
        {
            return TypedResults.BadRequest("settle is a time span (00:00:30).");
        }

        var workflows = services.GetService<DurableWorkflows>();
        await timers.AdvanceAsync(
            fake,
            target,
            ct => workflows is not null && quiet > TimeSpan.Zero ? workflows.WaitForQuietAsync(quiet, ct) : Task.CompletedTask,
            cancellationToken);
        return TypedResults.Ok(new { now = fake.GetUtcNow() });
    }
}
