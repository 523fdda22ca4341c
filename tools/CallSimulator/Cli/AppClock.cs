using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The local Functions host's clock API: <c>GET /admin/host/clock</c> reads it, <c>POST /admin/host/clock?by=…|to=…</c>
/// moves a fake one forward, firing every timer due on the way at its own time (the reminder sweep among them), and
/// answers once the clock is there. The app on the real clock answers 409.
/// </summary>
public sealed class AppClock(HttpClient http, Uri appUrl)
{
    /// <summary>What to say when the app runs on the real clock.</summary>
    public const string RealClockHint = "The app runs on the real clock, so it cannot be moved: start it with a fake one, e.g. tools/dev --clock 2026-12-01T09:15:00-06:00.";

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly Uri _endpoint = new(appUrl, "/admin/host/clock");

    public async Task<AppClockReading> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            using var response = await http.GetAsync(_endpoint, timeout.Token);
            return response.IsSuccessStatusCode
                ? Reading(await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token), fakeByDefault: false)
                : AppClockReading.Failed($"GET {_endpoint} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return AppClockReading.Failed($"The app's clock could not be read: {ex.Message}");
        }
    }

    /// <summary>
    /// <see cref="ReadAsync"/> without awaiting, for a <see cref="TimeProvider"/> (whose <c>GetUtcNow</c> cannot await):
    /// a loopback request of a millisecond or two.
    /// </summary>
    public AppClockReading Read()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, _endpoint), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return AppClockReading.Failed($"GET {_endpoint} answered {(int)response.StatusCode}.");
            }

            using var body = JsonDocument.Parse(response.Content.ReadAsStream(timeout.Token));
            return Reading(body.RootElement, fakeByDefault: false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return AppClockReading.Failed($"The app's clock could not be read: {ex.Message}");
        }
    }

    /// <summary>Moves the clock as <paramref name="argument"/> says (not <see cref="ClockArgument.IsShow"/>); answers once the app is there.</summary>
    public async Task<AppClockReading> MoveAsync(ClockArgument argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var query = argument switch
        {
            { By: { } by } => "by=" + Uri.EscapeDataString(by.ToString("c", CultureInfo.InvariantCulture)),
            { To: { } to } => "to=" + Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException("Nothing to move: the argument only shows the clock.", nameof(argument)),
        };
        try
        {
            using var response = await http.PostAsync(new Uri(_endpoint + "?" + query), content: null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                return AppClockReading.Failed(RealClockHint);
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim().Trim('"');
                return AppClockReading.Failed($"The app did not move its clock ({(int)response.StatusCode}): {reason}");
            }

            return Reading(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), fakeByDefault: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return AppClockReading.Failed($"The app's clock could not be moved: {ex.Message}");
        }
    }

    private static AppClockReading Reading(JsonElement body, bool fakeByDefault)
    {
        var now = body.TryGetProperty("now", out var value) && value.TryGetDateTimeOffset(out var instant) ? instant : (DateTimeOffset?)null;
        var fake = body.TryGetProperty("fake", out var flag) ? flag.ValueKind == JsonValueKind.True : fakeByDefault;
        return now is null ? AppClockReading.Failed("The app's answer named no time.") : new AppClockReading(now, fake, null);
    }
}
