using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.LiveEvents;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Functions.Dashboard;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Voice;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Hosting;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the functions need: core, telemetry and the webhooks' own services. Program.cs calls it under the
    /// Functions host, and the local stand-in host (tools/LocalFunctionsHost) calls the same method.
    /// </summary>
    public static IServiceCollection AddVoiceAgentFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVoiceAgentCore(configuration);
        services.AddVoiceAgentTelemetry(configuration, "functions");
        services.AddLiveEvents(configuration); // unconfigured: core's LiveEventsOff
        services.AddSingleton(WebhookClock.System);
        services.AddSingleton<RunningTurns>();
        services.AddSingleton<StaffTenantGate>();
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<CallWebhookReader>();
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkflowRetries>();
        services.AddSingleton<FollowUpStarter>();
        services.AddSingleton<ReminderCallUrls>();
        services.AddOptions<RealtimeHostOptions>().Bind(configuration.GetSection(RealtimeHostOptions.Section));
        services.AddHttpClient(RealtimeHost.HttpClientName);
        services.AddSingleton<RealtimeHost>();
        return services;
    }
}
