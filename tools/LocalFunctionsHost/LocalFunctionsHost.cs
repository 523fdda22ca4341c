using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalFunctionsHost.Invocation;
using VoiceAgent.LocalFunctionsHost.Metadata;
using VoiceAgent.LocalFunctionsHost.Triggers;

namespace VoiceAgent.LocalFunctionsHost;

/// <summary>
/// A local stand-in for the Azure Functions host. It indexes the app from its generated <c>functions.metadata</c> (never
/// from a second table), registers the app's own services, serves HTTP triggers and runs timer triggers, and offers the
/// host's admin call to run a non-HTTP function now. Not emulated: host keys, scale-out, host-level retries.
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

    public static LocalFunctionsHost Create(LocalFunctionsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var catalog = LocalFunctionCatalog.Load(options.MetadataPath, options.FunctionsAssembly);
        var hostJson = HostJson.Load(options.HostJsonPath);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ApplicationName = options.FunctionsAssembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        options.AddFunctionsServices(builder.Services, builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<TimerTriggerScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerTriggerScheduler>());
        options.Configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            var invoker = app.Services.GetRequiredService<FunctionInvoker>();
            foreach (var function in catalog.Functions)
            {
                invoker.EnsureBindable(function);
            }
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        app.MapHttpTriggers(catalog.Functions, hostJson.RoutePrefix);
        app.MapPost("/admin/functions/{name}", RunFunctionNowAsync);
        app.MapPost("/admin/host/clock", AdvanceClock);
        return new LocalFunctionsHost(app, catalog);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <summary>Runs until the process is told to stop (Ctrl-C, SIGTERM).</summary>
    public Task RunAsync() => _app.RunAsync();

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

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

    /// <summary>Local only: moves the app's clock forward when it is a fake one (<c>tools/dev --clock</c>, tests); due timers fire.</summary>
    private static IResult AdvanceClock(string by, TimeProvider time)
    {
        if (time is not FakeTimeProvider fake)
        {
            return TypedResults.Conflict("The app runs on the real clock; start it with a fake clock (tools/dev --clock) to move it.");
        }

        if (!TimeSpan.TryParse(by, System.Globalization.CultureInfo.InvariantCulture, out var step) || step <= TimeSpan.Zero)
        {
            return TypedResults.BadRequest("by is a positive time span, e.g. 01:30:00.");
        }

        fake.Advance(step);
        return TypedResults.Ok(new { now = fake.GetUtcNow() });
    }
}
