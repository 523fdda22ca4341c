using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// Hands a live stream call back to the functions app when the host stops: Twilio is told (REST, a call update) to
/// fetch <c>/api/voice/connect-ended</c> now, where the reason stored on the call carries the conversation on over
/// Gather. Without <see cref="RealtimeOptions.FunctionsBaseUrl"/> only the socket's close does (Twilio then asks the
/// <c>&lt;Connect action&gt;</c>, the same URL), which a host that exits first never sends.
/// </summary>
public sealed partial class GatherHandback(IServiceProvider services, IOptions<RealtimeOptions> options, ILogger<GatherHandback> logger)
{
    public async Task HandBackAsync(string callSid, CancellationToken cancellationToken)
    {
        if (options.Value.FunctionsBaseUrl is not { } functions)
        {
            return;
        }

        try
        {
            // Resolved here: the REST client needs Twilio:AccountSid, which only hosts that take streams are given.
            var twilio = services.GetRequiredService<TwilioMessaging>();
            await twilio.RedirectCallAsync(callSid, new Uri(functions, VoiceReplyRenderer.ConnectEndedPath), cancellationToken);
            LogHandedBack(logger, callSid);
        }
        catch (Exception ex) when (ex is TwilioUnavailableException or InvalidOperationException)
        {
            LogHandbackFailed(logger, callSid, ex);
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Stream call {CallSid} redirected to Gather: the host is stopping")]
    private static partial void LogHandedBack(ILogger logger, string callSid);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Stream call {CallSid}: the redirect to Gather failed; closing the stream hands it back")]
    private static partial void LogHandbackFailed(ILogger logger, string callSid, Exception exception);
}
