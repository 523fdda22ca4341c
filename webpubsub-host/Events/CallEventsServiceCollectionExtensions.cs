using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VoiceAgent.WebPubSubHost.Events;

public static class CallEventsServiceCollectionExtensions
{
    internal const string HttpClientName = "WebPubSub";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The <see cref="ICallEventPublisher"/>: Azure Web PubSub when <c>WebPubSub:Endpoint</c> or
    /// <c>WebPubSub:ConnectionString</c> is set (<see cref="WebPubSubEventPublisher"/> and its background sender), the
    /// host's own WebSocket fan-out otherwise (<see cref="LocalEventFanOut"/>, served by <see cref="CallEventsEndpoints.MapCallEvents"/>,
    /// which signs staff in with core's <c>StaffAuthenticator</c>: register core's services too).
    /// </summary>
    public static IServiceCollection AddCallEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WebPubSubOptions.Section);
        services.AddOptions<WebPubSubOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.ConnectionString) || IsValid(o.ConnectionString), "WebPubSub:ConnectionString needs an absolute Endpoint and an AccessKey.")
            .Validate(o => o.Endpoint is null || o.Endpoint.IsAbsoluteUri, "WebPubSub:Endpoint must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        if (!(section.Get<WebPubSubOptions>() ?? new WebPubSubOptions()).IsConfigured)
        {
            services.AddSingleton<LocalEventFanOut>();
            services.AddSingleton<ICallEventPublisher>(sp => sp.GetRequiredService<LocalEventFanOut>());
            return services;
        }

        services.AddHttpClient(HttpClientName, http => http.Timeout = RequestTimeout);
        services.AddSingleton(CreateGroupSender);
        services.AddSingleton<WebPubSubEventPublisher>();
        services.AddSingleton<ICallEventPublisher>(sp => sp.GetRequiredService<WebPubSubEventPublisher>());
        services.AddHostedService<WebPubSubEventSender>();
        return services;
    }

    /// <summary>An access key's JWT when a connection string is set (local), else the host's Entra identity (Azure).</summary>
    private static WebPubSubGroupSender CreateGroupSender(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WebPubSubOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            var connection = WebPubSubConnectionString.Parse(settings.ConnectionString);
            return new WebPubSubGroupSender(http, connection.Endpoint, new AccessKeyAuthorization(connection.AccessKey, time), options, time);
        }

        var identity = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId))
        {
            identity.ManagedIdentityClientId = settings.ManagedIdentityClientId; // else its default, AZURE_CLIENT_ID
        }

        TokenCredential credential = new DefaultAzureCredential(identity);
        return new WebPubSubGroupSender(http, settings.Endpoint!, new EntraAuthorization(credential, time), options, time);
    }

    private static bool IsValid(string connectionString)
    {
        try
        {
            WebPubSubConnectionString.Parse(connectionString);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
