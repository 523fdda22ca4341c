using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>
/// Short-audio speech-to-text as the REST API takes it: signed in, a <c>language</c> query (400 without one),
/// <c>format</c> simple or detailed, <c>Content-Type: audio/wav; codecs=audio/pcm; samplerate=16000</c> and a body that
/// really is 16 kHz mono 16-bit PCM WAV. Answers the next scripted recognition in the requested JSON shape.
/// </summary>
internal static class RecognitionEndpoint
{
    public static async Task HandleAsync(HttpContext http, StandInState state)
    {
        using var linked = state.Linked(http);
        var headers = RequestCapture.Headers(http.Request);
        var body = await RequestCapture.BodyAsync(http.Request, linked.Token);
        var (status, refusal, recognition) = Check(http.Request, state, body);
        var fault = refusal is null ? state.NextFault(SpeechOperation.Recognition) : null;
        if (fault is { StatusCode: > 0 })
        {
            status = fault.StatusCode;
        }

        var recorded = new RecordedSpeechRequest(SpeechOperation.Recognition, http.Request.Path, http.Request.QueryString.Value ?? "", headers, body, status, refusal, fault, null, recognition);
        if (refusal is not null || fault is { StatusCode: > 0 })
        {
            state.Record(recorded);
            if (fault is not null)
            {
                RequestCapture.RetryAfter(http.Response, fault);
            }

            http.Response.StatusCode = status;
            if (refusal is not null)
            {
                await http.Response.WriteAsync(refusal, linked.Token);
            }

            return;
        }

        var answer = state.NextRecognition(recorded);
        state.Record(recorded);
        if (!await RequestCapture.DelayAsync(fault?.FirstByteDelay ?? TimeSpan.Zero, linked.Token))
        {
            http.Abort();
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(RecognitionJson.For(answer, recognition!), linked.Token);
    }

    private static (int Status, string? Refusal, RecordedRecognition? Recognition) Check(HttpRequest request, StandInState state, byte[] body)
    {
        if (SpeechAuthCheck.Refusal(request, state) is { } unauthorized)
        {
            return (StatusCodes.Status401Unauthorized, unauthorized, null);
        }

        string? language = request.Query["language"];
        if (string.IsNullOrWhiteSpace(language))
        {
            return (StatusCodes.Status400BadRequest, "the language query parameter is required", null);
        }

        var format = request.Query["format"].ToString();
        format = format.Length == 0 ? "simple" : format.ToLowerInvariant();
        if (format is not ("simple" or "detailed"))
        {
            return (StatusCodes.Status400BadRequest, $"format must be simple or detailed, not {format}", null);
        }

        var contentType = request.ContentType ?? "";
        if (!IsPcmWav16k(contentType))
        {
            return (StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{contentType}' is not audio/wav; codecs=audio/pcm; samplerate=16000", null);
        }

        var (audio, problem) = WavAudio.Parse(body);
        if (audio is null)
        {
            return (StatusCodes.Status400BadRequest, $"body is not PCM WAV: {problem}", null);
        }

        if (audio.SampleRate != 16000 || audio.Channels != 1)
        {
            return (StatusCodes.Status400BadRequest, $"WAV is {audio.SampleRate} Hz, {audio.Channels} channel(s); the API takes 16000 Hz mono", null);
        }

        var chunked = request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        return (StatusCodes.Status200OK, null, new RecordedRecognition(language, format, contentType, chunked, audio));
    }

    /// <summary>The documented header, parameter order and spacing free; the codecs value may be quoted or not.</summary>
    private static bool IsPcmWav16k(string contentType)
    {
        var parts = contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !parts[0].Equals("audio/wav", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => HeaderUtilities.RemoveQuotes(p[1].Trim()).ToString(), StringComparer.Ordinal);
        return parameters.GetValueOrDefault("codecs")?.Equals("audio/pcm", StringComparison.OrdinalIgnoreCase) == true
            && parameters.GetValueOrDefault("samplerate") == "16000";
    }
}
