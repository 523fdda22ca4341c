using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>
/// Text-to-speech as the REST API takes it: signed in, <c>Content-Type: application/ssml+xml</c>, an
/// <c>X-Microsoft-OutputFormat</c> it knows, a <c>User-Agent</c>, and a <c>speak</c> document with a language and a voice.
/// Answers <see cref="ToneAudio"/> for the voice's text in <see cref="SpeechStandInOptions.ChunkCount"/> flushed pieces.
/// </summary>
internal static class SynthesisEndpoint
{
    public const string ProducedFormat = "raw-8khz-8bit-mono-mulaw";

    private static readonly XNamespace Synthesis = "http://www.w3.org/2001/10/synthesis";

    /// <summary>Formats the real service takes (protocols.md §7.2); only <see cref="ProducedFormat"/> is produced here.</summary>
    private static readonly HashSet<string> KnownFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "raw-8khz-8bit-mono-mulaw", "raw-8khz-8bit-mono-alaw", "raw-8khz-16bit-mono-pcm", "raw-16khz-16bit-mono-pcm",
        "raw-24khz-16bit-mono-pcm", "raw-48khz-16bit-mono-pcm", "riff-8khz-8bit-mono-mulaw", "riff-8khz-16bit-mono-pcm",
        "riff-16khz-16bit-mono-pcm", "riff-24khz-16bit-mono-pcm", "audio-16khz-32kbitrate-mono-mp3", "audio-24khz-48kbitrate-mono-mp3",
    };

    public static async Task HandleAsync(HttpContext http, StandInState state)
    {
        using var linked = state.Linked(http);
        var headers = RequestCapture.Headers(http.Request);
        var body = await RequestCapture.BodyAsync(http.Request, linked.Token);
        var format = http.Request.Headers["X-Microsoft-OutputFormat"].ToString();
        var (status, refusal, synthesis) = Check(http.Request, state, body, format);
        var fault = refusal is null ? state.NextFault(SpeechOperation.Synthesis) : null;
        if (fault is { StatusCode: > 0 })
        {
            status = fault.StatusCode;
        }

        state.Record(new RecordedSpeechRequest(SpeechOperation.Synthesis, http.Request.Path, http.Request.QueryString.Value ?? "", headers, body, status, refusal, fault, synthesis, null));
        if (refusal is not null || fault is { StatusCode: > 0 })
        {
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

        if (!await RequestCapture.DelayAsync(fault?.FirstByteDelay ?? TimeSpan.Zero, linked.Token))
        {
            http.Abort();
            return;
        }

        await StreamAsync(http, state, ToneAudio.For(synthesis!.Text, state.Options.BytesPerCharacter), linked.Token);
    }

    private static async Task StreamAsync(HttpContext http, StandInState state, byte[] audio, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "audio/basic";
        var hold = state.NextHold();
        var pieces = Math.Max(1, state.Options.ChunkCount);
        var size = (audio.Length + pieces - 1) / pieces;
        try
        {
            for (var start = 0; start < audio.Length; start += size)
            {
                if (start > 0 && state.Options.ChunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(state.Options.ChunkDelay, cancellationToken);
                }

                await http.Response.Body.WriteAsync(audio.AsMemory(start, Math.Min(size, audio.Length - start)), cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
                if (start == 0 && hold is not null)
                {
                    hold.MarkHeld();
                    await hold.Released.WaitAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            http.Abort();
        }
    }

    private static (int Status, string? Refusal, RecordedSynthesis? Synthesis) Check(HttpRequest request, StandInState state, byte[] body, string format)
    {
        if (SpeechAuthCheck.Refusal(request, state) is { } unauthorized)
        {
            return (StatusCodes.Status401Unauthorized, unauthorized, null);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("application/ssml+xml", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status415UnsupportedMediaType, $"Content-Type {request.ContentType ?? "(none)"} is not application/ssml+xml", null);
        }

        if (string.IsNullOrEmpty(format) || !KnownFormats.Contains(format))
        {
            return (StatusCodes.Status400BadRequest, $"unknown X-Microsoft-OutputFormat '{format}'", null);
        }

        if (!format.Equals(ProducedFormat, StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status400BadRequest, $"the stand-in produces only {ProducedFormat}, not {format}", null);
        }

        if (string.IsNullOrWhiteSpace(request.Headers.UserAgent))
        {
            return (StatusCodes.Status400BadRequest, "no User-Agent header", null);
        }

        var ssml = Encoding.UTF8.GetString(body);
        XDocument document;
        try
        {
            document = XDocument.Parse(ssml);
        }
        catch (XmlException e)
        {
            return (StatusCodes.Status400BadRequest, $"SSML is not well-formed XML: {e.Message}", null);
        }

        var speak = document.Root!;
        if (speak.Name.LocalName != "speak" || (string?)speak.Attribute("version") != "1.0")
        {
            return (StatusCodes.Status400BadRequest, "SSML root is not <speak version='1.0'>", null);
        }

        var language = (string?)speak.Attribute(XNamespace.Xml + "lang");
        var voice = speak.Element(Synthesis + "voice") ?? speak.Element("voice");
        if (language is null || voice is null || string.IsNullOrWhiteSpace((string?)voice.Attribute("name")))
        {
            return (StatusCodes.Status400BadRequest, "SSML needs xml:lang on <speak> and a <voice name='…'>", null);
        }

        var synthesis = new RecordedSynthesis(ssml, language, (string?)voice.Attribute(XNamespace.Xml + "lang"), (string?)voice.Attribute("name"), voice.Value, format);
        return (StatusCodes.Status200OK, null, synthesis);
    }
}
