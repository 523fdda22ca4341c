using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.LiveEvents;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tenants.Profiles;
using VoiceAgent.Core.Vehicles;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Hosting;

public static class VoiceAgentCoreServiceCollectionExtensions
{
    /// <summary>Options (validated on start), storage clients, stores and the call services.</summary>
    public static IServiceCollection AddVoiceAgentCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.IsConfigured, "Storage: set Storage:ConnectionString (local) or Storage:TableServiceUri (Azure).").ValidateOnStart();
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "Twilio:PublicBaseUrl must be an absolute URL.").ValidateOnStart();
        services.AddOptions<VoiceOptions>().Bind(configuration.GetSection(VoiceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<StaffAuthOptions>().Bind(configuration.GetSection(StaffAuthOptions.Section));

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics().TryAddSingleton<VoiceAgentTelemetry>();
        services.AddSingleton<VoiceAgentTables>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantProfileApplier>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<CustomerStore>();
        services.AddSingleton<CallSessionStore>();
        services.AddSingleton<AppointmentStore>();
        services.AddSingleton<DemoTenantSeeder>();
        services.AddCalendars(configuration);
        services.AddVehicles(configuration);
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<SmsOptOutStore>();
        services.AddSingleton<CalendarSync>();
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<SchedulingService>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<AppointmentTexts>();
        services.AddSingleton<AgentToolsFactory>();
        services.AddSingleton<OfflineDialogEngine>();
        services.AddLanguageModel(configuration);
        services.TryAddSingleton<ICallEventPublisher, LiveEventsOff>(); // a host's AddLiveEvents replaces it
        services.TryAddSingleton<CallEventReporter>();
        services.AddSingleton<CallWrapUps>();
        services.AddSingleton<InboundCallService>();
        services.AddSingleton<VoiceReplyRenderer>();
        services.AddSingleton<TwilioWebhookVerifier>();
        services.AddTwilioRestClient();
        services.AddSingleton<TwilioMessaging>();
        services.AddSingleton<AppointmentTextSender>();
        services.AddSingleton<ReminderCaller>();
        services.AddSingleton<ReminderAttemptRecorder>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<StaffAuthenticator>();
        services.AddHostedService<StorageStartup>();
        return services;
    }
}
