using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// Decodes through NHTSA vPIC (<c>GET {BaseUrl}/vehicles/DecodeVinValues/{VIN}?format=json[&amp;modelyear=]</c>),
/// caching answers. One attempt, bounded by <see cref="NhtsaOptions.TimeoutSeconds"/> on the injected clock; on a
/// timeout, an HTTP error, an unreadable body or any other failure it answers with the offline decode instead.
/// Only the caller's own cancellation is thrown. Gaps in a vPIC answer (no make, no year) are filled offline.
/// </summary>
public sealed partial class NhtsaVinDecoder(
    HttpClient http,
    VinDecodingCache cache,
    OfflineVinDecoder offline,
    IOptions<NhtsaOptions> options,
    TimeProvider timeProvider,
    ILogger<NhtsaVinDecoder> logger) : IVinDecoder
{
    public async Task<VinDecoding> DecodeAsync(Vin vin, int? modelYear = null, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(vin, modelYear, out var cached))
        {
            LogCacheHit(logger, vin.Masked);
            return cached;
        }

        var settings = options.Value;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(RequestUri(settings.BaseUrl, vin, modelYear), HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogHttpError(logger, (int)response.StatusCode, vin.Masked);
                return Fallback(vin, modelYear, $"HTTP {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync(VpicJsonContext.Default.VpicResponse, linked.Token);
            if (body?.Results is not [var result, ..])
            {
                LogEmptyAnswer(logger, vin.Masked);
                return Fallback(vin, modelYear, "no result");
            }

            var decoding = FromVpic(vin, modelYear, result);
            cache.Set(vin, modelYear, decoding);
            return decoding;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, settings.TimeoutSeconds, vin.Masked);
            return Fallback(vin, modelYear, "timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailure(logger, vin.Masked, ex);
            return Fallback(vin, modelYear, ex.GetType().Name);
        }
    }

    internal static Uri RequestUri(Uri baseUrl, Vin vin, int? modelYear)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        var year = modelYear is { } y ? string.Create(CultureInfo.InvariantCulture, $"&modelyear={y}") : string.Empty;
        return new Uri($"{root}/vehicles/DecodeVinValues/{vin.Value}?format=json{year}");
    }

    private VinDecoding FromVpic(Vin vin, int? modelYear, VpicResult result)
    {
        var notes = new List<string>();
        var errorCode = Known(result.ErrorCode) ?? "0";
        if (errorCode != "0")
        {
            notes.Add($"vPIC: {Known(result.ErrorText) ?? "error code " + errorCode}");
            if (Known(result.AdditionalErrorText) is { } more)
            {
                notes.Add($"vPIC: {more}");
            }
        }

        var make = Known(result.Make) is { } vpicMake ? WmiTable.SpellMake(vpicMake) : null;
        var year = int.TryParse(Known(result.ModelYear), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        if (make is null || year is null)
        {
            var fromVin = offline.Decode(vin, modelYear);
            if (make is null && fromVin.Make is not null)
            {
                make = fromVin.Make;
                notes.Add($"vPIC gave no make; {make} is from the manufacturer code.");
            }

            if (year is null && fromVin.Year is not null)
            {
                year = fromVin.Year;
                notes.Add($"vPIC gave no model year; {year} is from position 10.");
            }
        }

        return new VinDecoding(vin, make, Known(result.Model), year, VinDecodingSource.Nhtsa, vin.HasValidCheckDigit, notes);
    }

    private VinDecoding Fallback(Vin vin, int? modelYear, string reason)
    {
        var decoding = offline.Decode(vin, modelYear);
        return decoding with { Notes = [$"vPIC unavailable ({reason}); decoded offline.", .. decoding.Notes] };
    }

    /// <summary>vPIC's values are strings; empty and "Not Applicable" mean it does not know.</summary>
    private static string? Known(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Equals("Not Applicable", StringComparison.OrdinalIgnoreCase) ? null : trimmed;
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "vPIC cache hit for {Vin}")]
    private static partial void LogCacheHit(ILogger logger, string vin);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "vPIC answered HTTP {Status} for {Vin}; decoding offline")]
    private static partial void LogHttpError(ILogger logger, int status, string vin);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "vPIC gave no result for {Vin}; decoding offline")]
    private static partial void LogEmptyAnswer(ILogger logger, string vin);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "vPIC did not answer within {Seconds} s for {Vin}; decoding offline")]
    private static partial void LogTimeout(ILogger logger, double seconds, string vin);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Warning, Message = "vPIC request for {Vin} failed; decoding offline")]
    private static partial void LogFailure(ILogger logger, string vin, Exception exception);
}
