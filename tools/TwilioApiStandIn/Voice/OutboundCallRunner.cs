using System.Globalization;
using VoiceAgent.TwilioApiStandIn.Rest;

namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// One outbound call's life after Twilio accepted it, as Twilio lives it: <c>initiated</c>, then the phone rings
/// (<c>ringing</c>) unless the line is busy, then it is answered (<c>answered</c>, status <c>in-progress</c>, with
/// <c>AnsweredBy</c> under machine detection) and the phone plays the call's TwiML, or it rings out; and it ends
/// (<c>completed</c> with <c>CallStatus</c> completed, busy, no-answer or canceled, and <c>CallDuration</c>). Status
/// callbacks go out for the events the call asked for, in that order, numbered by <c>SequenceNumber</c>, signed.
/// A hang-up through the API before the answer cancels the call.
/// </summary>
internal sealed class OutboundCallRunner(StandInContext context)
{
    private int _sequence;

    /// <summary>Starts once the create request has been answered (<paramref name="responded"/>), so the app holds the sid first.</summary>
    public async Task RunAsync(CallRecord call, Task responded)
    {
        await responded;
        try
        {
            await LiveAsync(call, context.Stopping);
        }
        catch (OperationCanceledException) when (context.Stopping.IsCancellationRequested)
        {
            call.Change(c => c.IsLive ? c with { Status = CallStatuses.Canceled, Error = "the stand-in stopped during the call" } : c);
        }
        catch (Exception ex)
        {
            // The phone failed in a way it did not report: the call ends failed, with the reason on it.
            var now = context.Time.GetUtcNow();
            call.Change(c => c with { Status = CallStatuses.Failed, Error = $"{ex.GetType().Name}: {ex.Message}", EndTime = now, DateUpdated = now });
        }
        finally
        {
            context.Acted();
        }
    }

    private async Task LiveAsync(CallRecord call, CancellationToken cancellationToken)
    {
        var initiated = context.Time.GetUtcNow();
        call.Change(c => c with { StartTime = initiated, DateUpdated = initiated });
        await ProgressAsync(call, "initiated", CallStatuses.Initiated, cancellationToken);

        var ringing = call.Current;
        var answer = await context.Phone.RingAsync(new OutboundRing(ringing.Sid, ringing.From, ringing.To, ringing.RingTimeout), cancellationToken);
        call.Change(c => c with { PickedUpBy = answer.By });
        if (answer.By == PhonePickup.Busy)
        {
            await EndAsync(call, CallStatuses.Busy, TimeSpan.Zero, cancellationToken);
            return;
        }

        call.Change(c => c with { Status = CallStatuses.Ringing, DateUpdated = context.Time.GetUtcNow() });
        await ProgressAsync(call, "ringing", CallStatuses.Ringing, cancellationToken);
        var start = StartDocument(call);
        if (start is null)
        {
            await EndAsync(call, CallStatuses.Canceled, TimeSpan.Zero, cancellationToken);
            return;
        }

        if (!answer.Answers)
        {
            await EndAsync(call, CallStatuses.NoAnswer, TimeSpan.Zero, cancellationToken);
            return;
        }

        var answeredBy = answer.AnsweredBy(call.Current.MachineDetection);
        call.Change(c => c with { Status = CallStatuses.InProgress, AnsweredBy = answeredBy, DateUpdated = context.Time.GetUtcNow() });
        await ProgressAsync(call, "answered", CallStatuses.InProgress, cancellationToken);

        var current = call.Current;
        var publicUrl = PublicBaseOf(current, start);
        var conversation = await context.Phone.TalkAsync(new AnsweredCall
        {
            CallSid = current.Sid,
            AccountSid = current.AccountSid,
            From = current.From,
            To = current.To,
            Answer = answer,
            AnsweredBy = answeredBy,
            Start = start with { Fields = [.. Fields(current, CallStatuses.InProgress), .. AnsweredByField(answeredBy)] },
            PublicBaseUrl = publicUrl,
            TargetBaseUrl = context.Routes.TargetBaseOf(publicUrl),
            AuthToken = context.Account.AuthToken,
            TakeUpdate = call.TakeUpdate,
        }, cancellationToken);
        call.Change(c => c with { Transcript = conversation.Transcript, Error = conversation.Error });
        await EndAsync(call, CallStatuses.Completed, conversation.TalkTime, cancellationToken);
    }

    /// <summary>What to play at the answer: the call's Url or Twiml, or what an update before the answer put there; null when it was hung up.</summary>
    private static CallDocument? StartDocument(CallRecord call)
    {
        var current = call.Current;
        var start = current.Url is { } url ? new CallDocument(url, current.Method, []) : CallDocument.Inline(current.Twiml ?? "<Response/>");
        while (call.TakeUpdate() is { } update)
        {
            start = update.Kind switch
            {
                LiveCallUpdateKind.HangUp => null,
                LiveCallUpdateKind.Redirect => new CallDocument(update.Url, update.Method, []),
                _ => CallDocument.Inline(update.Twiml!),
            };
            if (start is null)
            {
                return null;
            }
        }

        return start;
    }

    private Uri PublicBaseOf(RecordedCall call, CallDocument start)
    {
        var url = start.Url ?? call.StatusCallback;
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            ? new Uri(parsed.GetLeftPart(UriPartial.Authority))
            : context.Routes.AnyPublicBase ?? new Uri("http://localhost");
    }

    private async Task EndAsync(CallRecord call, string status, TimeSpan talkTime, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(talkTime.TotalSeconds);
        var now = context.Time.GetUtcNow();
        call.Change(c => c with
        {
            Status = status,
            Duration = seconds,
            EndTime = (c.StartTime ?? now) + TimeSpan.FromSeconds(seconds),
            DateUpdated = now,
        });
        await ProgressAsync(call, "completed", status, cancellationToken,
        [
            new("CallDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("Duration", ((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture)),
            new("SipResponseCode", status switch { CallStatuses.Busy => "486", CallStatuses.NoAnswer or CallStatuses.Canceled => "487", _ => "200" }),
        ]);
    }

    /// <summary>Sends the status callback for <paramref name="progressEvent"/> when the call asked for it.</summary>
    private async Task ProgressAsync(CallRecord call, string progressEvent, string callStatus, CancellationToken cancellationToken, IReadOnlyList<KeyValuePair<string, string>>? extra = null)
    {
        if (context.ProgressDelay > TimeSpan.Zero)
        {
            await Task.Delay(context.ProgressDelay, cancellationToken);
        }

        var current = call.Current;
        if (current.StatusCallback is not { } url || !current.StatusCallbackEvents.Contains(progressEvent))
        {
            return;
        }

        List<KeyValuePair<string, string>> fields =
        [
            .. Fields(current, callStatus),
            .. AnsweredByField(current.AnsweredBy),
            new("CallbackSource", "call-progress-events"),
            new("SequenceNumber", (_sequence++).ToString(CultureInfo.InvariantCulture)),
            new("Timestamp", TwilioDates.Rfc2822(context.Time.GetUtcNow())),
            .. extra ?? [],
        ];
        var sent = await context.Webhooks.SendAsync(url, current.StatusCallbackMethod, fields, cancellationToken);
        call.Change(c => c with { Callbacks = [.. c.Callbacks, sent] });
        context.Acted();
    }

    /// <summary>The standard voice request parameters (protocols.md §4.1) for an outbound API call.</summary>
    private static List<KeyValuePair<string, string>> Fields(RecordedCall call, string callStatus) =>
    [
        new("AccountSid", call.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", call.Sid),
        new("CallStatus", callStatus),
        new("Called", call.To),
        new("Caller", call.From),
        new("Direction", "outbound-api"),
        new("From", call.From),
        new("To", call.To),
    ];

    private static IEnumerable<KeyValuePair<string, string>> AnsweredByField(string? answeredBy) =>
        answeredBy is null ? [] : [new("AnsweredBy", answeredBy)];
}
