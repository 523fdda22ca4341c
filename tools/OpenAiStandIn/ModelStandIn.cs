using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceAgent.OpenAiStandIn.Http;
using VoiceAgent.OpenAiStandIn.Playback;
using VoiceAgent.LocalStack;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>
/// A local stand-in for the OpenAI Chat Completions API on a loopback port, in this process, answering from a
/// <see cref="ModelScript"/>. Point an Azure OpenAI client at <see cref="BaseUrl"/> (any deployment), or OpenAI's
/// client at <see cref="OpenAiEndpoint"/> or <see cref="AzureV1Endpoint"/>, with <see cref="ApiKey"/>. Every request is recorded (<see cref="Requests"/>);
/// anything the script does not expect is refused with a 400 and recorded in <see cref="Progress"/>.
/// </summary>
/// <remarks>Named <c>ModelStandIn</c>, not <c>OpenAiStandIn</c>: a type named like its namespace's last part cannot be named from inside <c>VoiceAgent.*</c>.</remarks>
public sealed class ModelStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInState _state;

    private ModelStandIn(WebApplication app, StandInState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>Where it listens (<c>http://127.0.0.1:PORT/</c>): the Azure OpenAI endpoint (<c>Llm:Endpoint</c> with <c>Llm:Kind</c> AzureOpenAI).</summary>
    public Uri BaseUrl => LoopbackApp.Address(_app);

    /// <summary><see cref="BaseUrl"/> + <c>v1</c>: the OpenAI-compatible endpoint (<c>Llm:Kind</c> OpenAI), as for Ollama.</summary>
    public Uri OpenAiEndpoint => new(BaseUrl, "v1");

    /// <summary><see cref="BaseUrl"/> + <c>openai/v1</c>: Azure OpenAI's v1 API, for OpenAI's own client (the model = the deployment).</summary>
    public Uri AzureV1Endpoint => new(BaseUrl, "openai/v1");

    public string ApiKey => _state.ApiKey;

    /// <summary>The script being played.</summary>
    public ModelScript Script => _state.Player.Script;

    /// <summary>Every request read since the script started, oldest first, with how it was answered.</summary>
    public IReadOnlyList<RecordedModelRequest> Requests => _state.Player.Requests;

    /// <summary>How far the script has played, and every problem so far.</summary>
    public ScriptProgress Progress => _state.Player.Progress();

    public static Task<ModelStandIn> StartAsync(ModelScript script, CancellationToken cancellationToken) => StartAsync(script, new ModelStandInOptions(), cancellationToken);

    public static async Task<ModelStandIn> StartAsync(ModelScript script, ModelStandInOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        var state = new StandInState(new ScriptPlayer(script), options.ApiKey ?? "sk-standin-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), options.ChunkDelay);
        var app = LoopbackApp.CreateSlimBuilder(options.Port).Build();
        app.MapChatCompletions(state);
        try
        {
            await LoopbackApp.StartAsync(app, cancellationToken);
        }
        catch
        {
            state.Dispose();
            throw;
        }

        return new ModelStandIn(app, state);
    }

    /// <summary>Plays <paramref name="script"/> from its first turn, forgetting the requests and problems so far (one stand-in for many scenarios).</summary>
    public void Play(ModelScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _state.Player.Play(script);
    }

    /// <summary>A failure report: the progress (problems, unconsumed steps) and every request with its answer.</summary>
    public string Describe()
    {
        var report = new StringBuilder(Progress.Describe());
        var requests = Requests;
        report.Append("\nrequests:").Append(requests.Count == 0 ? " none" : "");
        foreach (var request in requests)
        {
            report.Append("\n  ").Append(request);
        }

        return report.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _state.Stop(); // held requests (hangs, slow first tokens) abort now, so stopping does not wait for their clients
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
