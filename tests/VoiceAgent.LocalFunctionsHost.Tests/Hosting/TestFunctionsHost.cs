using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>
/// The local host over this test assembly's functions, with a hand-written functions.metadata and host.json in a
/// folder of its own, on a free loopback port. The app's services are the <see cref="TimerRecorder"/> and a clock:
/// the real one, or a fake registered as the app's <see cref="TimeProvider"/> through the Configure hook.
/// </summary>
public sealed class TestFunctionsHost : IAsyncDisposable
{
    public const string DefaultHostJson = """{ "version": "2.0", "extensions": { "http": { "routePrefix": "api" } } }""";

    private readonly DirectoryInfo _folder;

    private TestFunctionsHost(DirectoryInfo folder, LocalFunctionsHost host)
    {
        _folder = folder;
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseUrl };
    }

    public LocalFunctionsHost Host { get; }

    public HttpClient Client { get; }

    public TimerRecorder Timers => Host.Services.GetRequiredService<TimerRecorder>();

    /// <summary>Creates and starts a host serving <paramref name="metadataJson"/>.</summary>
    public static async Task<TestFunctionsHost> StartAsync(
        string metadataJson,
        TimeProvider? clock = null,
        string hostJson = DefaultHostJson,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("voiceagent-localhost-tests-");
        try
        {
            var host = Create(folder.FullName, metadataJson, clock, hostJson, services, settings);
            await host.StartAsync(CancellationToken.None);
            return new TestFunctionsHost(folder, host);
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// <see cref="LocalFunctionsHost.Create"/> for <paramref name="metadataJson"/>, written to <paramref name="folder"/>
    /// (with host.json beside it), with <paramref name="settings"/> as app settings; not started.
    /// </summary>
    public static LocalFunctionsHost Create(
        string folder,
        string metadataJson,
        TimeProvider? clock = null,
        string hostJson = DefaultHostJson,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var metadataPath = Path.Combine(folder, "functions.metadata");
        var hostJsonPath = Path.Combine(folder, "host.json");
        File.WriteAllText(metadataPath, metadataJson);
        File.WriteAllText(hostJsonPath, hostJson);
        return LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            FunctionsAssembly = typeof(TestFunctionsHost).Assembly,
            MetadataPath = metadataPath,
            HostJsonPath = hostJsonPath,
            Settings = settings ?? new Dictionary<string, string?>(),
            AddFunctionsServices = (s, _) =>
            {
                s.AddSingleton(TimeProvider.System);
                s.AddSingleton<TimerRecorder>();
            },
            Configure = builder =>
            {
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
                builder.Logging.ClearProviders();
                if (clock is not null)
                {
                    builder.Services.Replace(ServiceDescriptor.Singleton(clock));
                }

                services?.Invoke(builder.Services);
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
