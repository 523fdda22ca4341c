using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceAgent.SpeechStandIn.Http;
using VoiceAgent.LocalStack;

namespace VoiceAgent.SpeechStandIn;

/// <summary>
/// A local stand-in for Azure AI Speech's REST APIs on a loopback port, in this process. Point the app's
/// <c>Speech:Endpoint</c> at <see cref="BaseUrl"/> (it answers the custom-subdomain paths) with <see cref="Key"/>, or
/// with <see cref="ResourceId"/> and any Entra token. Text-to-speech answers <see cref="ToneAudio"/> in pieces;
/// speech-to-text answers the recognitions queued with <see cref="Hear"/>. Every request is recorded.
/// </summary>
/// <remarks>Not named <c>SpeechStandIn</c>: a type named like its namespace's last part cannot be named from inside <c>VoiceAgent.*</c>.</remarks>
public sealed class SpeechServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInState _state;

    private SpeechServiceStandIn(WebApplication app, StandInState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>Where it listens (<c>http://127.0.0.1:PORT/</c>): the app's <c>Speech:Endpoint</c>.</summary>
    public Uri BaseUrl => LoopbackApp.Address(_app);

    public string Key => _state.Key;

    public string ResourceId => _state.Options.ResourceId;

    public SpeechStandInOptions Options => _state.Options;

    /// <summary>Every request read so far, oldest first, with how it was answered.</summary>
    public IReadOnlyList<RecordedSpeechRequest> Requests => _state.Requests;

    public static Task<SpeechServiceStandIn> StartAsync(CancellationToken cancellationToken) => StartAsync(new SpeechStandInOptions(), cancellationToken);

    public static async Task<SpeechServiceStandIn> StartAsync(SpeechStandInOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new StandInState(options, options.Key ?? "standin-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var app = LoopbackApp.CreateSlimBuilder(options.Port).Build();
        app.MapSpeech(state);
        try
        {
            await LoopbackApp.StartAsync(app, cancellationToken);
        }
        catch
        {
            state.Dispose();
            throw;
        }

        return new SpeechServiceStandIn(app, state);
    }

    /// <summary>Queues what the next recognition answers (in order; then <see cref="SpeechStandInOptions.Recognizer"/>, then NoMatch).</summary>
    public void Hear(ScriptedRecognition recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        _state.Enqueue(recognition);
    }

    /// <summary>The next request of <paramref name="operation"/> fails with <paramref name="fault"/> (faults queue in order).</summary>
    public void Fail(SpeechOperation operation, SpeechFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _state.Enqueue(operation, fault);
    }

    /// <summary>The next synthesis sends its first piece, then waits for <see cref="SynthesisHold.Release"/>.</summary>
    public SynthesisHold HoldNextSynthesis()
    {
        var hold = new SynthesisHold();
        _state.Enqueue(hold);
        return hold;
    }

    /// <summary>The audio a synthesis of <paramref name="text"/> answers, to compare with what a client received.</summary>
    public byte[] AudioFor(string text) => ToneAudio.For(text, _state.Options.BytesPerCharacter);

    public async ValueTask DisposeAsync()
    {
        _state.Stop(); // held and delayed answers end now, so stopping does not wait for their clients
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
