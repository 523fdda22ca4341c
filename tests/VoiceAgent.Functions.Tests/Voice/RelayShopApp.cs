using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// The functions app with the demo shop on a chosen transport: the demo profile is stored again with
/// <see cref="TenantProfile.Transport"/> set right after start, before any call has looked the number up (the tenant
/// directory caches it), and <c>Realtime:BaseUrl</c> points at the given real-time host, if any.
/// </summary>
internal static class RelayShopApp
{
    /// <summary>How long the incoming webhook waits on a hanging host's health check (real time, kept short).</summary>
    public const double HealthTimeoutSeconds = 0.5;

    /// <param name="extra">Further app settings (the workflows' Twilio side, <see cref="WorkflowApp.Settings"/>).</param>
    /// <param name="authToken">The Twilio auth token, when a Twilio stand-in must sign with the same one.</param>
    public static async Task<FunctionsApp> StartAsync(
        string storageConnectionString,
        Uri? realtimeBaseUrl,
        CallTransport transport = CallTransport.Relay,
        IReadOnlyDictionary<string, string>? extra = null,
        string? authToken = null)
    {
        var settings = new Dictionary<string, string>(extra ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Realtime:HealthTimeoutSeconds"] = HealthTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (realtimeBaseUrl is not null)
        {
            settings["Realtime:BaseUrl"] = realtimeBaseUrl.AbsoluteUri;
        }

        var app = await FunctionsApp.StartAsync(storageConnectionString, settings: settings, authToken: authToken);
        try
        {
            await app.Services.GetRequiredService<TenantStore>().SaveAsync(DemoTenant.Profile with { Transport = transport }, CancellationToken.None);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>John's call to the shop as the real-time host names it (from the relay's setup).</summary>
    public static InboundCall Call(string callSid) =>
        new(CallSid.TryParse(callSid, out var sid) ? sid : throw new ArgumentException("Not a call SID.", nameof(callSid)), PhoneNumber.Parse(TwilioWebhookClient.ShopNumber), PhoneNumber.Parse(TwilioWebhookClient.JohnSmith));
}
