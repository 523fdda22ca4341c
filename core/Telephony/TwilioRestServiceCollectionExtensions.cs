using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;
using VoiceAgent.Core.Hosting;

namespace VoiceAgent.Core.Telephony;

public static class TwilioRestServiceCollectionExtensions
{
    public const string HttpClientName = "twilio";

    /// <summary>
    /// Twilio's <see cref="ITwilioRestClient"/> for SMS and outbound calls, on an <see cref="System.Net.Http.HttpClient"/> from
    /// the factory; with <see cref="TwilioOptions.ApiBaseUrl"/> set it talks to a local stand-in instead of Twilio.
    /// </summary>
    public static IServiceCollection AddTwilioRestClient(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddHttpMessageHandler(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl is { } local
                ? new BaseUrlRedirectHandler(local)
                : new PassThroughHandler());
        services.AddSingleton<ITwilioRestClient>(sp =>
        {
            var twilio = sp.GetRequiredService<IOptions<TwilioOptions>>().Value;
            if (string.IsNullOrWhiteSpace(twilio.AccountSid))
            {
                throw new InvalidOperationException("Twilio:AccountSid is required to send SMS or place calls.");
            }

            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new TwilioRestClient(twilio.AccountSid, twilio.AuthToken, httpClient: new SystemNetHttpClient(http));
        });
        return services;
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
