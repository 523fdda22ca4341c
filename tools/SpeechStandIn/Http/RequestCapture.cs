using Microsoft.AspNetCore.Http;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>Reads a request's headers and whole body for the record.</summary>
internal static class RequestCapture
{
    public static IReadOnlyDictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    /// <summary>Waits out a slow-first-byte fault; false when the client gave up or the stand-in stopped meanwhile.</summary>
    public static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static void RetryAfter(HttpResponse response, SpeechFault fault)
    {
        if (fault.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
