using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VoiceAgent.Core.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of VoiceAgent, and its custom metrics.
/// Application Insights stores each metric in <c>customMetrics</c> under the instrument name and each tag in
/// <c>customDimensions</c>, so the workbook and alert rules in infra/ query exactly these names (a test checks).
/// </summary>
public sealed class VoiceAgentTelemetry
{
    /// <summary>Name of both the activity source and the meter.</summary>
    public const string Name = "VoiceAgent";

    /// <summary>Application Insights connection string; the exporter is off when it is empty (local runs, tests).</summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=&lt;guid&gt;;Authorization=AAD</c>: export with that user-assigned identity (Application Insights local auth is off in Azure).</summary>
    public const string AuthenticationStringVariable = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Histogram, ms: caller input received → agent reply ready (one agent turn). Tags: tenant, action.</summary>
    public const string TurnDurationMetric = "voiceagent.turn.duration";

    /// <summary>Counter: calls that ended, by Twilio's final <c>CallStatus</c>. Tags: tenant, outcome.</summary>
    public const string CallsMetric = "voiceagent.calls";

    /// <summary>Counter: appointments booked, rescheduled or cancelled. Tags: tenant, action.</summary>
    public const string BookingsMetric = "voiceagent.bookings";

    /// <summary>
    /// Counter: voice webhooks that still answered the caller (apology + transfer or goodbye) although something failed
    /// behind them (storage, the engine, a deadline). HTTP shows these as 200, so this is how they are seen. Tags: endpoint.
    /// </summary>
    public const string WebhookFallbacksMetric = "voiceagent.webhook.fallbacks";

    /// <summary>Counter: calls handed to a person. Tags: tenant, department.</summary>
    public const string TransfersMetric = "voiceagent.transfers";

    /// <summary>Counter: reminders by final outcome (confirmed, cancelled, rescheduled, voicemail, unreached, texted, notneeded). Tags: tenant, outcome.</summary>
    public const string RemindersMetric = "voiceagent.reminders";

    /// <summary>
    /// Counter: booking follow-up steps (calendar, text, reminder, freeing the old time of a move) that still failed after
    /// their retries and were recorded as failed for the re-drive command. Tags: tenant, step.
    /// </summary>
    public const string FollowUpsFailedMetric = "voiceagent.followups.failed";

    /// <summary>Counter: texts by kind (the notice key, e.g. <c>sms-booked</c>) and status (sent, opted-out, rejected, retry). Tags: tenant, kind, status.</summary>
    public const string SmsMetric = "voiceagent.sms";

    /// <summary>
    /// Counter: model turns answered by the offline engine because the model failed (<c>timeout</c>, <c>rate_limited</c>,
    /// <c>server_error</c>, <c>error</c>, <c>empty_reply</c>) or its breaker was open (<c>breaker_open</c>). Tags: tenant, reason.
    /// </summary>
    public const string LlmFallbacksMetric = "voiceagent.llm.fallbacks";

    public const string TenantTag = "tenant";
    public const string OutcomeTag = "outcome";
    public const string ActionTag = "action";
    public const string DepartmentTag = "department";
    public const string ReasonTag = "reason";
    public const string EndpointTag = "endpoint";
    public const string StepTag = "step";
    public const string KindTag = "kind";
    public const string StatusTag = "status";

    /// <summary>Span around one agent turn (Application Insights: <c>dependencies</c>, exact percentiles).</summary>
    public const string TurnActivityName = "voiceagent.turn";

    /// <summary>Span tag carrying Twilio's call SID, the key of the workbook's call lookup.</summary>
    public const string CallSidTag = "voiceagent.call_sid";

    /// <summary>Spans for call, turn, tool and workflow step.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Every custom metric name, for exporters' views and the infra cross-check.</summary>
    public static IReadOnlyList<string> MetricNames { get; } =
        [TurnDurationMetric, CallsMetric, BookingsMetric, TransfersMetric, RemindersMetric, LlmFallbacksMetric, WebhookFallbacksMetric, FollowUpsFailedMetric, SmsMetric];

    public VoiceAgentTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        TurnDuration = meter.CreateHistogram<double>(TurnDurationMetric, "ms", "Time to produce one agent turn");
        Calls = meter.CreateCounter<long>(CallsMetric, "{call}", "Calls ended, by outcome");
        Bookings = meter.CreateCounter<long>(BookingsMetric, "{booking}", "Appointments booked, rescheduled or cancelled");
        Transfers = meter.CreateCounter<long>(TransfersMetric, "{transfer}", "Calls transferred to a person");
        Reminders = meter.CreateCounter<long>(RemindersMetric, "{reminder}", "Reminder calls, by outcome");
        LlmFallbacks = meter.CreateCounter<long>(LlmFallbacksMetric, "{turn}", "Turns answered by the offline engine instead of the LLM");
        WebhookFallbacks = meter.CreateCounter<long>(WebhookFallbacksMetric, "{request}", "Voice webhooks answered with the fallback TwiML after a failure");
        FollowUpsFailed = meter.CreateCounter<long>(FollowUpsFailedMetric, "{step}", "Booking follow-up steps that failed after their retries");
        Sms = meter.CreateCounter<long>(SmsMetric, "{message}", "Texts, by kind and status");
    }

    public Histogram<double> TurnDuration { get; }

    public Counter<long> Calls { get; }

    public Counter<long> Bookings { get; }

    public Counter<long> Transfers { get; }

    public Counter<long> Reminders { get; }

    public Counter<long> LlmFallbacks { get; }

    public Counter<long> WebhookFallbacks { get; }

    public Counter<long> FollowUpsFailed { get; }

    public Counter<long> Sms { get; }

    /// <summary>A voice webhook answered with the fallback TwiML; <paramref name="endpoint"/> is e.g. <c>turn</c>.</summary>
    public void RecordWebhookFallback(string endpoint) => WebhookFallbacks.Add(1, new KeyValuePair<string, object?>(EndpointTag, endpoint));

    public void RecordTurn(string tenantId, string action, TimeSpan elapsed) =>
        TurnDuration.Record(elapsed.TotalMilliseconds, new(TenantTag, tenantId), new(ActionTag, action));

    public void RecordCallEnded(string tenantId, string outcome) =>
        Calls.Add(1, new(TenantTag, tenantId), new(OutcomeTag, outcome));

    /// <summary>Action: <c>booked</c>, <c>rescheduled</c> or <c>cancelled</c>.</summary>
    public void RecordBooking(string tenantId, string action) =>
        Bookings.Add(1, new(TenantTag, tenantId), new(ActionTag, action));

    public void RecordTransfer(string tenantId, string department) =>
        Transfers.Add(1, new(TenantTag, tenantId), new(DepartmentTag, department));

    /// <summary>A follow-up step still failed after its retries; <paramref name="step"/> is e.g. <c>calendar</c> or <c>text</c>.</summary>
    public void RecordFollowUpFailed(string tenantId, string step) =>
        FollowUpsFailed.Add(1, new(TenantTag, tenantId), new(StepTag, step));

    /// <summary>A reminder ended: <c>confirmed</c>, <c>cancelled</c>, <c>rescheduled</c>, <c>voicemail</c>, <c>unreached</c>, <c>texted</c> (the <see cref="Appointments.ReminderOutcome"/> names, lower case).</summary>
    public void RecordReminderOutcome(string tenantId, string outcome) =>
        Reminders.Add(1, new(TenantTag, tenantId), new(OutcomeTag, outcome));

    public void RecordLlmFallback(string tenantId, string reason) =>
        LlmFallbacks.Add(1, new(TenantTag, tenantId), new(ReasonTag, reason));

    /// <summary>A text was sent or not: <paramref name="kind"/> is the notice key, <paramref name="status"/> <c>sent</c>, <c>opted-out</c>, <c>rejected</c> or <c>retry</c>.</summary>
    public void RecordSms(string tenantId, string kind, string status) =>
        Sms.Add(1, new(TenantTag, tenantId), new(KindTag, kind), new(StatusTag, status));
}
