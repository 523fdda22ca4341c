using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Functions.Hosting;
using VoiceAgent.Functions.Voice;

namespace VoiceAgent.LocalFunctionsHost;

/// <summary>The local host serving VoiceAgent's functions app: its assembly and its own service registration.</summary>
public static class VoiceAgentFunctionsHost
{
    /// <summary>Setting: start the app's clock, as a fake one that only <c>POST /admin/host/clock</c> moves, at this instant.</summary>
    public const string ClockSetting = "LocalHost:Clock";

    public static LocalFunctionsHost Create(string[] args, Action<WebApplicationBuilder>? configure = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            Args = args,
            Settings = settings ?? new Dictionary<string, string?>(),
            FunctionsAssembly = typeof(VoiceWebhooks).Assembly,
            AddFunctionsServices = (services, configuration) => services.AddVoiceAgentFunctions(configuration),
            Configure = builder =>
            {
                if (builder.Configuration[ClockSetting] is { Length: > 0 } start)
                {
                    var clock = new FakeTimeProvider(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));
                    builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                }

                configure?.Invoke(builder);
            },
        });
}
