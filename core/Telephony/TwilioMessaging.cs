using Microsoft.Extensions.Logging;
using Twilio.Base;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using TwilioPhoneNumber = Twilio.Types.PhoneNumber;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// The Twilio REST calls the workflows make, through Twilio's SDK: send an SMS, place a reminder call (answering-machine
/// detection, status callbacks), redirect a live call, and find a message or call Twilio already has (to reconcile a
/// claim whose result was never recorded). Sends map Twilio's errors to <see cref="TwilioSendStatus"/>
/// (<see cref="TwilioErrors"/>); reads that fail throw <see cref="TwilioUnavailableException"/>, so the workflow retries
/// instead of sending again blind.
/// </summary>
public sealed partial class TwilioMessaging(ITwilioRestClient client, ILogger<TwilioMessaging> logger)
{
    /// <summary>The most recent messages or calls between two numbers read when reconciling (one page, no further paging).</summary>
    public const int ReconcileWindow = 100;

    /// <summary>Events the reminder call's status callback reports.</summary>
    public static IReadOnlyList<string> StatusCallbackEvents { get; } = ["initiated", "ringing", "answered", "completed"];

    public async Task<TwilioSend> SendSmsAsync(string from, string to, string body, CancellationToken cancellationToken)
    {
        var options = new CreateMessageOptions(new TwilioPhoneNumber(to)) { From = new TwilioPhoneNumber(from), Body = body };
        var sent = await SendAsync("sms", to, async () => (await MessageResource.CreateAsync(options, client).WaitAsync(cancellationToken)).Sid, cancellationToken);
        return sent;
    }

    /// <summary>
    /// The sid of a message from <paramref name="from"/> to <paramref name="to"/> with exactly <paramref name="body"/>,
    /// created at or after <paramref name="since"/>; null when Twilio has none. Matched on creation time, since a message
    /// still queued has no send date.
    /// </summary>
    public async Task<string?> FindSentSmsAsync(string from, string to, string body, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var options = new ReadMessageOptions { From = new TwilioPhoneNumber(from), To = new TwilioPhoneNumber(to), PageSize = ReconcileWindow, Limit = ReconcileWindow };
        var messages = await ReadAsync("messages", () => MessageResource.ReadAsync(options, client), cancellationToken);
        return messages.FirstOrDefault(m => SameNumber(m.From?.ToString(), from) && SameNumber(m.To, to)
            && string.Equals(m.Body, body, StringComparison.Ordinal) && CreatedAt(m.DateCreated) >= since)?.Sid;
    }

    /// <summary>
    /// Places a call from <paramref name="from"/> to <paramref name="to"/> that fetches <paramref name="answerUrl"/> (POST) when
    /// answered, with answering-machine detection (<c>AnsweredBy</c>) and every status event POSTed to <paramref name="statusCallback"/>.
    /// </summary>
    public async Task<TwilioSend> CreateCallAsync(string from, string to, Uri answerUrl, Uri statusCallback, CancellationToken cancellationToken)
    {
        var options = new CreateCallOptions(new TwilioPhoneNumber(to), new TwilioPhoneNumber(from))
        {
            Url = answerUrl,
            Method = Twilio.Http.HttpMethod.Post,
            StatusCallback = statusCallback,
            StatusCallbackEvent = [.. StatusCallbackEvents],
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            MachineDetection = "Enable",
        };
        return await SendAsync("call", to, async () => (await CallResource.CreateAsync(options, client).WaitAsync(cancellationToken)).Sid, cancellationToken);
    }

    /// <summary>The sid of a call from <paramref name="from"/> to <paramref name="to"/> created at or after <paramref name="since"/>; null when none.</summary>
    public async Task<string?> FindCallAsync(string from, string to, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var options = new ReadCallOptions { From = new TwilioPhoneNumber(from), To = new TwilioPhoneNumber(to), PageSize = ReconcileWindow, Limit = ReconcileWindow };
        var calls = await ReadAsync("calls", () => CallResource.ReadAsync(options, client), cancellationToken);
        return calls.FirstOrDefault(c => SameNumber(c.From, from) && SameNumber(c.To, to) && CreatedAt(c.DateCreated) >= since)?.Sid;
    }

    /// <summary>Twilio's status of a call (<c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>, <c>no-answer</c>, <c>busy</c>, …); null when Twilio has no such call.</summary>
    public async Task<string?> CallStatusAsync(string callSid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        try
        {
            var call = await CallResource.FetchAsync(new FetchCallOptions(callSid), client).WaitAsync(cancellationToken);
            return call.Status?.ToString();
        }
        catch (ApiException ex) when (ex.Status == 404 || ex.Code == TwilioErrors.NotFound)
        {
            return null;
        }
        catch (Exception ex) when (IsTwilioFailure(ex, cancellationToken))
        {
            throw Unavailable("call status", ex);
        }
    }

    /// <summary>Replaces what a live call is doing with <paramref name="twiml"/>. A call that already ended is left alone.</summary>
    public async Task UpdateCallAsync(string callSid, string twiml, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(twiml);
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(callSid) { Twiml = new Twiml(twiml) }, client).WaitAsync(cancellationToken);
        }
        catch (ApiException ex) when (ex.Code is TwilioErrors.CallNotInProgress or TwilioErrors.NotFound || ex.Status == 404)
        {
            LogCallGone(logger, callSid, ex.Code);
        }
        catch (Exception ex) when (IsTwilioFailure(ex, cancellationToken))
        {
            throw Unavailable("call update", ex);
        }
    }

    /// <summary>
    /// Sends a live call to fetch <paramref name="url"/> (POST) for what it does next, leaving whatever it was doing (a
    /// media stream). A call that already ended is left alone.
    /// </summary>
    public async Task RedirectCallAsync(string callSid, Uri url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var options = new UpdateCallOptions(callSid) { Url = url, Method = Twilio.Http.HttpMethod.Post };
            await CallResource.UpdateAsync(options, client).WaitAsync(cancellationToken);
        }
        catch (ApiException ex) when (ex.Code is TwilioErrors.CallNotInProgress or TwilioErrors.NotFound || ex.Status == 404)
        {
            LogCallGone(logger, callSid, ex.Code);
        }
        catch (Exception ex) when (IsTwilioFailure(ex, cancellationToken))
        {
            throw Unavailable("call redirect", ex);
        }
    }

    private async Task<TwilioSend> SendAsync(string what, string to, Func<Task<string>> create, CancellationToken cancellationToken)
    {
        try
        {
            return TwilioSend.Accepted(await create());
        }
        catch (ApiException ex)
        {
            var result = TwilioErrors.From(ex);
            LogSendFailed(logger, what, PhoneNumber.Mask(to), ex.Status, ex.Code, result.Status);
            return result;
        }
        catch (Exception ex) when (IsTwilioFailure(ex, cancellationToken))
        {
            // No answer from Twilio: it may or may not have the message; the claim's reconciliation finds out before a resend.
            LogUnreachable(logger, what, ex.GetType().Name, ex);
            return new TwilioSend(TwilioSendStatus.Retry, null, null, ex.Message);
        }
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string what, Func<Task<ResourceSet<T>>> read, CancellationToken cancellationToken)
        where T : Resource
    {
        try
        {
            // Limit = page size: the SDK fetches the one page here and never pages on (further pages would be blocking reads).
            var set = await read().WaitAsync(cancellationToken);
            return [.. set];
        }
        catch (Exception ex) when (ex is ApiException || IsTwilioFailure(ex, cancellationToken))
        {
            throw Unavailable(what, ex);
        }
    }

    /// <summary>The SDK's failures to reach Twilio (it wraps transport errors in <see cref="ApiConnectionException"/>), not our own cancellation.</summary>
    private static bool IsTwilioFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is ApiConnectionException or ApiException or HttpRequestException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private TwilioUnavailableException Unavailable(string what, Exception ex)
    {
        LogUnreachable(logger, what, ex.GetType().Name, ex);
        return new TwilioUnavailableException($"Twilio {what} failed: {ex.Message}", ex);
    }

    private static bool SameNumber(string? a, string b) =>
        a is not null && (string.Equals(a, b, StringComparison.Ordinal) || (PhoneNumber.TryParse(a, "US", out var x) && PhoneNumber.TryParse(b, "US", out var y) && x == y));

    /// <summary>The SDK reads Twilio's RFC 2822 dates into a local <see cref="DateTime"/>.</summary>
    private static DateTimeOffset CreatedAt(DateTime? created) =>
        created is { } value ? new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Twilio refused the {What} to {To}: HTTP {Status}, error {Code} ({Result})")]
    private static partial void LogSendFailed(ILogger logger, string what, string to, int status, int code, TwilioSendStatus result);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Twilio {What} got no answer: {Failure}")]
    private static partial void LogUnreachable(ILogger logger, string what, string failure, Exception exception);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Call {CallSid} had already ended (Twilio {Code}); nothing to update")]
    private static partial void LogCallGone(ILogger logger, string callSid, int code);
}
