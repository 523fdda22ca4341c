using System.Reflection;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VoiceAgent.Core.Telemetry;

public static class VoiceAgentTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry traces, metrics and logs (ASP.NET Core, HttpClient and VoiceAgent's own source and meter),
    /// exported to Application Insights only when <see cref="VoiceAgentTelemetry.ConnectionStringVariable"/> is set.
    /// <paramref name="serviceName"/> becomes the cloud role name in Application Insights (default: the entry assembly).
    /// </summary>
    public static IServiceCollection AddVoiceAgentTelemetry(this IServiceCollection services, IConfiguration configuration, string? serviceName = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.TryAddSingleton<VoiceAgentTelemetry>();

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName ?? Assembly.GetEntryAssembly()?.GetName().Name ?? VoiceAgentTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(VoiceAgentTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(VoiceAgentTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging();

        var connectionString = configuration[VoiceAgentTelemetry.ConnectionStringVariable];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var credential = EntraCredential(configuration[VoiceAgentTelemetry.AuthenticationStringVariable]);
            otel.UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = credential;
            });
        }

        return services;
    }

    /// <summary>
    /// Reads the Functions-host convention <c>ClientId=&lt;guid&gt;;Authorization=AAD</c> (or <c>Authorization=AAD</c> for the
    /// system identity); null means instrumentation-key ingestion.
    /// </summary>
    internal static TokenCredential? EntraCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
