using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// One utterance to text over Speech's short-audio REST API (final result only, at most 60 s). The service takes no
/// 8 kHz format, so the call's audio is upsampled to 16 kHz and sent as a chunked WAV body with a detailed answer
/// requested, for the confidence. <see cref="Utterance.ExpectedPhrases"/> is not used: this API takes no phrase list.
/// A typed HttpClient, signed by <see cref="SpeechAuthHandler"/>.
/// </summary>
public sealed class AzureSpeechToText(HttpClient http, IOptions<AzureSpeechOptions> options, TimeProvider time) : ISpeechRecognizer
{
    public const int SampleRate = 16000;

    /// <summary>The API's limit; audio past it is not recognised, so it is not sent.</summary>
    public static readonly TimeSpan MaxAudio = TimeSpan.FromSeconds(60);

    private const string Operation = "speech-to-text";

    private readonly Uri _endpoint = SpeechEndpoints.From(options.Value.Endpoint)?.Recognition
        ?? throw new InvalidOperationException("Speech:Endpoint is neither a URL nor a region.");

    public async Task<Transcript> RecognizeAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        if (utterance.Samples.IsEmpty)
        {
            return Transcript.Nothing;
        }

        var language = string.IsNullOrWhiteSpace(utterance.Language) ? options.Value.DefaultLanguage : utterance.Language;
        var sent = utterance.Samples.Span[..Math.Min(utterance.Samples.Length, (int)MaxAudio.TotalSeconds * Utterance.SampleRate)];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_endpoint}?language={Uri.EscapeDataString(language)}&format=detailed"))
        {
            Content = new WavContent(Resampler.Upsample8kTo16k(sent), SampleRate),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;

        var timeout = TimeSpan.FromSeconds(options.Value.RecognitionTimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw SpeechFailures.Status(Operation, response, time);
            }

            return ShortAudioResult.Parse(await response.Content.ReadAsStringAsync(deadline.Token), response.StatusCode);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw SpeechFailures.TimedOut(Operation, timeout, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw SpeechFailures.Unreachable(Operation, e);
        }
    }
}
