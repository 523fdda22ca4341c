using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VoiceAgent.Core.Vehicles;

public static class VehiclesServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IVinDecoder"/>: NHTSA vPIC with a cache and offline fallback when <c>Nhtsa:Enabled</c> is true,
    /// otherwise the offline decoder alone. Uses a registered <see cref="TimeProvider"/> (the system clock if none).
    /// </summary>
    public static IServiceCollection AddVehicles(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NhtsaOptions.Section);
        services.AddOptions<NhtsaOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Nhtsa:BaseUrl must be an absolute URL.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OfflineVinDecoder>();

        if (section.GetValue<bool>(nameof(NhtsaOptions.Enabled)))
        {
            services.TryAddSingleton<VinDecodingCache>();
            services.AddHttpClient<IVinDecoder, NhtsaVinDecoder>().RemoveAllLoggers(); // its request log holds the whole VIN; ours masks it
        }
        else
        {
            services.AddSingleton<IVinDecoder>(sp => sp.GetRequiredService<OfflineVinDecoder>());
        }

        return services;
    }
}
