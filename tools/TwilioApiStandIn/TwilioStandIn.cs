using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceAgent.TwilioApiStandIn.Messaging;
using VoiceAgent.TwilioApiStandIn.Numbers;
using VoiceAgent.TwilioApiStandIn.Rest;
using VoiceAgent.TwilioApiStandIn.Voice;
using VoiceAgent.TwilioApiStandIn.Webhooks;
using VoiceAgent.LocalStack;

namespace VoiceAgent.TwilioApiStandIn;

/// <summary>
/// A local stand-in for Twilio's REST API on a loopback port, in this process: point the app's Twilio SDK at
/// <see cref="BaseUrl"/> (<c>Twilio:ApiBaseUrl</c>) with <see cref="AccountSid"/> and <see cref="AuthToken"/>. It serves
/// Messages and Calls (create, list, fetch, update) and the account's IncomingPhoneNumbers (list, fetch, update) in Twilio's JSON, records every message and call (never
/// de-duplicating), rings <see cref="TwilioStandInOptions.Phone"/> for outbound calls and sends the status callbacks
/// Twilio sends, signed. Route the app's public URL to where it really listens with <see cref="RouteWebhooks"/>.
/// </summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInContext _context;
    private readonly HttpClient _webhookHttp;

    private TwilioStandIn(WebApplication app, StandInContext context, HttpClient webhookHttp)
    {
        _app = app;
        _context = context;
        _webhookHttp = webhookHttp;
    }

    /// <summary>Where it listens (<c>http://127.0.0.1:PORT</c>): the app's <c>Twilio:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl => LoopbackApp.Address(_app);

    public string AccountSid => _context.Account.AccountSid;

    public string AuthToken => _context.Account.AuthToken;

    /// <summary>Every message accepted, oldest first, as each reads now.</summary>
    public IReadOnlyList<RecordedMessage> Messages => _context.Messages.Messages;

    /// <summary>Sends refused with a Twilio error (21610 for an opted-out number), oldest first.</summary>
    public IReadOnlyList<RejectedMessage> RejectedMessages => _context.Messages.Rejected;

    /// <summary>Every call accepted, oldest first, as each stands now.</summary>
    public IReadOnlyList<RecordedCall> Calls => _context.Calls.Calls;

    /// <summary>The account's phone numbers (<see cref="TwilioStandInOptions.PhoneNumbers"/>) and their webhooks, as each stands now.</summary>
    public IReadOnlyList<OwnedNumber> PhoneNumbers => _context.Numbers.Numbers;

    public static async Task<TwilioStandIn> StartAsync(TwilioStandInOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AuthToken);
        if (options.PhoneNumbers.FirstOrDefault(n => !Rest.PhoneNumbers.IsE164(n)) is { } invalid)
        {
            throw new ArgumentException($"The account's phone numbers are E.164 (+ and digits), not '{invalid}'.", nameof(options));
        }

        var account = new TwilioAccount(options.AccountSid, options.AuthToken);
        var webhookHttp = options.WebhookHandler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        webhookHttp.Timeout = Timeout.InfiniteTimeSpan; // the sender applies Twilio's 15 s
        var routes = new WebhookRoutes();
        var context = new StandInContext(account, options.Time, routes, new TwilioWebhookSender(webhookHttp, routes, account.AuthToken), options.Phone, options.ProgressDelay, options.OnAccepted, options.PhoneNumbers);

        var builder = LoopbackApp.CreateSlimBuilder(options.Port);
        builder.Services.AddSingleton(context);
        var app = builder.Build();
        app.MapTwilioRest(account);
        try
        {
            await LoopbackApp.StartAsync(app, cancellationToken);
        }
        catch
        {
            webhookHttp.Dispose();
            context.Dispose();
            throw;
        }

        return new TwilioStandIn(app, context, webhookHttp);
    }

    /// <summary>Webhooks for <paramref name="publicBaseUrl"/> (what the app gives Twilio, and what is signed) are sent to <paramref name="target"/>.</summary>
    public void RouteWebhooks(Uri publicBaseUrl, Uri target) => _context.Routes.Add(publicBaseUrl, target);

    /// <summary>The number replied STOP: every later send to it is refused with Twilio's 21610, until <see cref="OptIn"/>.</summary>
    public void OptOut(string number) => _context.Messages.OptOut(number);

    public void OptIn(string number) => _context.Messages.OptIn(number);

    /// <summary>True once no call is queued, ringing or in progress (calls placed meanwhile included); false after <paramref name="max"/>.</summary>
    public Task<bool> WaitForNoLiveCallsAsync(TimeSpan max, CancellationToken cancellationToken) => _context.CallWork.WaitUntilIdleAsync(max, cancellationToken);

    /// <summary>Like <see cref="WaitForNoLiveCallsAsync"/>, and every message status callback has been sent too.</summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan max, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var calls = await _context.CallWork.WaitUntilIdleAsync(max, cancellationToken);
        var left = max - TimeProvider.System.GetElapsedTime(started);
        return calls && await _context.MessageWork.WaitUntilIdleAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
    }

    /// <summary>
    /// Counts what the stand-in did to the app: webhooks the app answered and calls that ended. Unchanged across a wait,
    /// it means the app was told nothing new meanwhile (the scenario runner's test that the workflows and the calls are quiet together).
    /// </summary>
    public long Activity => _context.Activity;

    public async ValueTask DisposeAsync()
    {
        _context.Stop();
        await _context.CallWork.WaitUntilIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await _context.MessageWork.WaitUntilIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await _app.DisposeAsync();
        _webhookHttp.Dispose();
        _context.Dispose();
    }
}
