using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// Text-to-speech over Speech's REST API, straight to the call's format (<c>raw-8khz-8bit-mono-mulaw</c>, the Media
/// Streams payload, no transcoding). The response is read as it arrives and each piece is yielded at once, so the caller
/// hears the start of a sentence while the service is still synthesising its end. A typed HttpClient, signed by
/// <see cref="SpeechAuthHandler"/>.
/// </summary>
public sealed class AzureTextToSpeech(HttpClient http, IOptions<AzureSpeechOptions> options, TimeProvider time) : ISpeechSynthesizer
{
    public const string OutputFormat = "raw-8khz-8bit-mono-mulaw";
    public const string OutputFormatHeader = "X-Microsoft-OutputFormat";
    private const string Operation = "text-to-speech";

    /// <summary>The most read at once: about half a second of μ-law; a piece is whatever the network has delivered, up to this.</summary>
    private const int ReadBytes = 4096;

    private readonly Uri _endpoint = SpeechEndpoints.From(options.Value.Endpoint)?.Synthesis
        ?? throw new InvalidOperationException("Speech:Endpoint is neither a URL nor a region.");

    public IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, CancellationToken cancellationToken) =>
        SynthesizeAsync(text, language, voice: null, cancellationToken);

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, string? voice, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.SynthesisTimeoutSeconds);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(Ssml.For(text, SpeechVoice.For(settings, language, voice)), Encoding.UTF8, "application/ssml+xml"),
        };
        request.Headers.TryAddWithoutValidation(OutputFormatHeader, OutputFormat);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var response = await SendAsync(request, deadline, timeout, cancellationToken);
        await using var audio = await ReadAsync(() => response.Content.ReadAsStreamAsync(deadline.Token), deadline, timeout, cancellationToken);
        var buffer = new byte[ReadBytes];
        while (true)
        {
            deadline.CancelAfter(timeout); // the deadline restarts with every read: a stall, not a long sentence, is the failure
            var read = await ReadAsync(() => audio.ReadAsync(buffer, deadline.Token).AsTask(), deadline, timeout, cancellationToken);
            deadline.CancelAfter(Timeout.InfiniteTimeSpan); // the caller's time with a piece (pacing it to Twilio) is not a stall
            if (read == 0)
            {
                yield break;
            }

            yield return buffer.AsSpan(0, read).ToArray();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationTokenSource deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var response = await ReadAsync(() => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token), deadline, timeout, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw SpeechFailures.Status(Operation, response, time);
            }
        }

        return response;
    }

    private static async Task<T> ReadAsync<T>(Func<Task<T>> read, CancellationTokenSource deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
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
