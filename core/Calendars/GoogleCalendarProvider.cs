using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// Google Calendar over its v3 REST API (typed <see cref="HttpClient"/>; bearer auth, retries, circuit breaker and timeouts
/// are handlers registered by <see cref="CalendarServiceCollectionExtensions.AddCalendars"/>).
/// Inserts carry a deterministic event id, so a retried insert can never create a second event. Each shop's events live in
/// its own calendar when its profile names one (<see cref="TenantProfile.GoogleCalendarId"/>), else in the deployment's
/// (<see cref="GoogleCalendarOptions.CalendarId"/>); the Google account (credentials) is the deployment's either way.
/// </summary>
public sealed partial class GoogleCalendarProvider(HttpClient http, IOptions<GoogleCalendarOptions> options, ILogger<GoogleCalendarProvider> logger)
    : ICalendarProvider
{
    /// <summary>The calendar <paramref name="tenant"/>'s events are in: its own, else the deployment's.</summary>
    public string CalendarIdFor(TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return string.IsNullOrWhiteSpace(tenant.GoogleCalendarId)
            ? options.Value.CalendarId ?? throw new InvalidOperationException("GoogleCalendar:CalendarId is not set.")
            : tenant.GoogleCalendarId;
    }

    public async Task<IReadOnlyList<BusyInterval>> GetBusyAsync(TenantProfile tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var calendarId = CalendarIdFor(tenant);
        var query = new JsonObject
        {
            ["timeMin"] = Rfc3339(from),
            ["timeMax"] = Rfc3339(to),
            ["timeZone"] = "UTC",
            ["items"] = new JsonArray(new JsonObject { ["id"] = calendarId }),
        };
        using var response = await SendAsync(HttpMethod.Post, "freeBusy", query, "freeBusy", cancellationToken);
        await EnsureSuccessAsync(response, "freeBusy", cancellationToken);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!json.RootElement.TryGetProperty("calendars", out var calendars) || FindCalendar(calendars, calendarId) is not { } calendar)
        {
            throw new CalendarUnavailableException($"freeBusy returned no entry for calendar {calendarId}.", response.StatusCode, "notFound");
        }

        if (calendar.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            var reason = errors[0].TryGetProperty("reason", out var r) ? r.GetString() : null;
            throw new CalendarUnavailableException($"freeBusy could not read calendar {calendarId} ({reason}).", response.StatusCode, reason);
        }

        var busy = new List<BusyInterval>();
        if (calendar.TryGetProperty("busy", out var periods))
        {
            foreach (var period in periods.EnumerateArray())
            {
                busy.Add(new BusyInterval(ParseInstant(period, "start"), ParseInstant(period, "end")));
            }
        }

        busy.Sort((a, b) => a.Start.CompareTo(b.Start));
        return busy;
    }

    public async Task<string> CreateEventAsync(Appointment appointment, TenantProfile tenant, CancellationToken cancellationToken)
    {
        var eventId = GoogleCalendarEvents.EventIdFor(appointment);
        var body = GoogleCalendarEvents.Body(appointment, tenant, eventId);
        using (var response = await SendAsync(HttpMethod.Post, $"{EventsPath(tenant)}?sendUpdates=none", body, "events.insert", cancellationToken))
        {
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                await EnsureSuccessAsync(response, "events.insert", cancellationToken);
                LogCreated(logger, appointment.TenantId, appointment.Id, eventId);
                return eventId;
            }
        }

        // 409 "duplicate": an earlier attempt (timed out on our side) already stored it, or it was deleted and the id is
        // still reserved. Make the existing event match this appointment and be live again; still exactly one event.
        LogAlreadyExists(logger, appointment.TenantId, appointment.Id, eventId);
        await PatchAsync(tenant, eventId, GoogleCalendarEvents.Body(appointment, tenant, eventId: null), "events.insert (duplicate)", cancellationToken);
        return eventId;
    }

    /// <summary>Google accepts client-chosen event ids: ours is derived from the appointment (<see cref="GoogleCalendarEvents.EventIdFor"/>).</summary>
    public string? EventIdFor(Appointment appointment) => GoogleCalendarEvents.EventIdFor(appointment);

    public async Task MoveEventAsync(string eventId, Appointment appointment, TenantProfile tenant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        await PatchAsync(tenant, eventId, GoogleCalendarEvents.Body(appointment, tenant, eventId: null), "events.patch", cancellationToken);
        LogMoved(logger, appointment.TenantId, appointment.Id, eventId);
    }

    public async Task DeleteEventAsync(string eventId, TenantProfile tenant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        using var response = await SendAsync(HttpMethod.Delete, $"{EventsPath(tenant)}/{Uri.EscapeDataString(eventId)}?sendUpdates=none", null, "events.delete", cancellationToken);
        if (response.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
        {
            LogAlreadyDeleted(logger, eventId, (int)response.StatusCode);
            return;
        }

        await EnsureSuccessAsync(response, "events.delete", cancellationToken);
        LogDeleted(logger, eventId);
    }

    private async Task PatchAsync(TenantProfile tenant, string eventId, JsonObject body, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Patch, $"{EventsPath(tenant)}/{Uri.EscapeDataString(eventId)}?sendUpdates=none", body, operation, cancellationToken);
        await EnsureSuccessAsync(response, operation, cancellationToken);
    }

    /// <summary>Sends through the handler pipeline; anything that means "Google could not be reached" becomes <see cref="CalendarUnavailableException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException)
        {
            LogUnreachable(logger, operation, ex.GetType().Name, ex);
            var status = (ex as HttpRequestException)?.StatusCode;
            var what = ex is BrokenCircuitException ? "circuit open after repeated failures" : ex is HttpRequestException ? "no answer" : "timed out";
            throw new CalendarUnavailableException($"Google Calendar {operation}: {what}.", status, reason: null, ex);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var (reason, message) = await ReadErrorAsync(response, cancellationToken);
        LogFailed(logger, operation, (int)response.StatusCode, reason ?? "none");
        throw new CalendarUnavailableException(
            $"Google Calendar {operation} failed: {(int)response.StatusCode} {reason} {message}".TrimEnd(), response.StatusCode, reason);
    }

    /// <summary>Google's error shape: <c>{"error":{"code":403,"message":"…","errors":[{"reason":"…"}],"status":"…"}}</c>.</summary>
    private static async Task<(string? Reason, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["error"];
            var reason = error?["errors"]?[0]?["reason"]?.GetValue<string>() ?? error?["status"]?.GetValue<string>();
            return (reason, error?["message"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return (null, null);
        }
    }

    private string EventsPath(TenantProfile tenant) => $"calendars/{Uri.EscapeDataString(CalendarIdFor(tenant))}/events";

    private static JsonElement? FindCalendar(JsonElement calendars, string calendarId)
    {
        if (calendars.TryGetProperty(calendarId, out var calendar))
        {
            return calendar;
        }

        // "primary" may come back keyed by the calendar's real id.
        var all = calendars.EnumerateObject().ToList();
        return all.Count == 1 ? all[0].Value : null;
    }

    private static DateTimeOffset ParseInstant(JsonElement period, string name) =>
        DateTimeOffset.Parse(period.GetProperty(name).GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();

    private static string Rfc3339(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Calendar event {EventId} created for appointment {AppointmentId} (tenant {TenantId})")]
    private static partial void LogCreated(ILogger logger, string tenantId, string appointmentId, string eventId);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Calendar event {EventId} for appointment {AppointmentId} (tenant {TenantId}) already existed; updated it instead")]
    private static partial void LogAlreadyExists(ILogger logger, string tenantId, string appointmentId, string eventId);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Calendar event {EventId} moved to appointment {AppointmentId} (tenant {TenantId})")]
    private static partial void LogMoved(ILogger logger, string tenantId, string appointmentId, string eventId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Calendar event {EventId} deleted")]
    private static partial void LogDeleted(ILogger logger, string eventId);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Calendar event {EventId} was already gone ({Status}); nothing to delete")]
    private static partial void LogAlreadyDeleted(ILogger logger, string eventId, int status);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Google Calendar {Operation} failed with {Status} ({Reason})")]
    private static partial void LogFailed(ILogger logger, string operation, int status, string reason);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning, Message = "Google Calendar {Operation} unreachable: {Failure}")]
    private static partial void LogUnreachable(ILogger logger, string operation, string failure, Exception exception);
}
