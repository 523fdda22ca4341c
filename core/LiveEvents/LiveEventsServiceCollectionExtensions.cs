using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.LiveEvents;

public static class LiveEventsServiceCollectionExtensions
{
    internal const string HttpClientName = "WebPubSub";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Where this app's live call events go, and <see cref="CallEventReporter"/> to report them with: Azure Web PubSub
    /// when <c>WebPubSub:Endpoint</c> or <c>WebPubSub:ConnectionString</c> is set (<see cref="WebPubSubEventPublisher"/>
    /// and its background sender; a connection string may also name the real-time host's local fan-out, which takes the
    /// same REST send), else what <paramref name="unconfigured"/> registers as the <see cref="ICallEventPublisher"/>, or,
    /// without it, core's default (<c>AddVoiceAgentCore</c>: <see cref="LiveEventsOff"/>).
    /// </summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services, IConfiguration configuration, Action<IServiceCollection>? unconfigured = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WebPubSubOptions.Section);
        services.AddOptions<WebPubSubOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.ConnectionString) || IsValid(o.ConnectionString), "WebPubSub:ConnectionString needs an absolute Endpoint and an AccessKey.")
            .Validate(o => o.Endpoint is null || o.Endpoint.IsAbsoluteUri, "WebPubSub:Endpoint must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallEventReporter>();
        services.TryAddSingleton<ICallEventPublisher, LiveEventsOff>();
        services.AddHttpClient(HttpClientName, http => http.Timeout = RequestTimeout);
        services.TryAddSingleton<LiveEventsClientAccess>();

        if (!(section.Get<WebPubSubOptions>() ?? new WebPubSubOptions()).IsConfigured)
        {
            if (unconfigured is not null)
            {
                services.RemoveAll<ICallEventPublisher>();
                unconfigured(services);
            }

            return services;
        }

        services.RemoveAll<ICallEventPublisher>();
        services.AddSingleton(CreateGroupSender);
        services.AddSingleton<WebPubSubEventPublisher>();
        services.AddSingleton<ICallEventPublisher>(sp => sp.GetRequiredService<WebPubSubEventPublisher>());
        services.AddHostedService<WebPubSubEventSender>();
        return services;
    }

    /// <summary>An access key's JWT when a connection string is set (local), else the app's Entra identity (Azure).</summary>
    private static WebPubSubGroupSender CreateGroupSender(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WebPubSubOptions>>();
        // The real clock, whatever the app's is: the service checks the tokens' expiry on its own clock, and a retry's
        // backoff is real time (a fake business clock, as tools/dev --clock and the tests run, would never let it pass).
        var time = TimeProvider.System;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            var connection = WebPubSubConnectionString.Parse(settings.ConnectionString);
            return new WebPubSubGroupSender(http, connection.Endpoint, new AccessKeyAuthorization(connection.AccessKey, time), options, time);
        }

        return new WebPubSubGroupSender(http, settings.Endpoint!, new EntraAuthorization(CreateCredential(settings), time), options, time);
    }

    /// <summary>The app's identity for Web PubSub in Azure: the configured user-assigned one, else DefaultAzureCredential's default.</summary>
    internal static TokenCredential CreateCredential(WebPubSubOptions settings)
    {
        var identity = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId))
        {
            identity.ManagedIdentityClientId = settings.ManagedIdentityClientId; // else its default, AZURE_CLIENT_ID
        }

        return new DefaultAzureCredential(identity);
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
