using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using TwimlStream = Twilio.TwiML.Voice.Stream;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// Turns an <see cref="AgentReply"/> into TwiML for the Gather transport, with Twilio's <see cref="VoiceResponse"/>, in the
/// shop's voice and language (<see cref="CallVoice"/>: the tenant's own where set, else the deployment's).
/// </summary>
public sealed class VoiceReplyRenderer(IOptions<VoiceOptions> options)
{
    public const string ContentType = "text/xml";
    public const string TurnPath = "/api/voice/turn";
    public const string ContinuePath = "/api/voice/continue";
    public const string ConnectEndedPath = "/api/voice/connect-ended";

    private static readonly Gather.InputEnum[] SpeechAndKeypad = [Gather.InputEnum.Speech, Gather.InputEnum.Dtmf];

    private readonly VoiceOptions _voice = options.Value;

    /// <summary>The reply as TwiML in <paramref name="tenant"/>'s voice (null: an unknown number, the deployment's).</summary>
    public string Render(AgentReply reply, TenantProfile? tenant)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var voice = CallVoice.For(_voice, tenant);
        var response = new VoiceResponse();
        switch (reply.Action)
        {
            case CallAction.Listen:
                var gather = new Gather(
                    input: SpeechAndKeypad,
                    action: new Uri(TurnPath, UriKind.Relative),
                    method: Twilio.Http.HttpMethod.Post,
                    timeout: _voice.GatherTimeoutSeconds,
                    speechTimeout: _voice.SpeechTimeout,
                    language: voice.Language,
                    actionOnEmptyResult: true,
                    speechModel: string.IsNullOrWhiteSpace(_voice.SpeechModel) ? null : _voice.SpeechModel);
                response.Append(Speak(gather, reply, voice));
                break;
            case CallAction.Transfer:
                Speak(response, reply, voice).Dial(reply.TransferTo ?? throw new InvalidOperationException("A transfer needs a target."));
                break;
            default:
                Speak(response, reply, voice).Hangup();
                break;
        }

        return Write(response);
    }

    /// <summary>
    /// Hands the call to the real-time host over ConversationRelay: Twilio speaks <paramref name="greeting"/>, then
    /// exchanges text with <paramref name="relayUrl"/>; the call's identity goes in <c>&lt;Parameter&gt;</c> values (never
    /// the query string). When the session ends Twilio asks <see cref="ConnectEndedPath"/> what to do next. The relay speaks
    /// and transcribes the shop's language, in the shop's own <see cref="TenantVoice.SayVoice"/> when it set one
    /// (<see cref="RelayTtsVoice"/>), else in Twilio's default relay voice.
    /// </summary>
    public string RenderRelay(AgentReply greeting, Uri relayUrl, IReadOnlyDictionary<string, string> parameters, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        ArgumentNullException.ThrowIfNull(relayUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tenant);
        var voice = CallVoice.For(_voice, tenant);
        var tts = voice.RelaySayVoice is { } own ? RelayTtsVoice.From(own) : (RelayTtsVoice?)null;
        var relay = new ConversationRelay(
            url: relayUrl.AbsoluteUri,
            language: voice.Language,
            ttsProvider: tts?.Provider,
            voice: tts?.Voice,
            welcomeGreeting: SpeechText.XmlSafe(greeting.Speech),
            interruptible: "speech",
            dtmfDetection: true);
        foreach (var (name, value) in parameters)
        {
            relay.Parameter(name, value);
        }

        var connect = new Connect(action: new Uri(ConnectEndedPath, UriKind.Relative), method: Twilio.Http.HttpMethod.Post);
        connect.Append(relay);
        return Write(new VoiceResponse().Append(connect));
    }

    /// <summary>
    /// Hands the call to the real-time host over a bidirectional Media Streams socket: Twilio speaks
    /// <paramref name="greeting"/>, then streams the call's audio to <paramref name="streamUrl"/> (the host recognises
    /// and speaks itself); the call's identity goes in <c>&lt;Parameter&gt;</c> values (a stream URL takes no query). When
    /// the host closes the stream Twilio asks <see cref="ConnectEndedPath"/> what to do next.
    /// </summary>
    public string RenderStream(AgentReply greeting, Uri streamUrl, IReadOnlyDictionary<string, string> parameters, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        ArgumentNullException.ThrowIfNull(streamUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tenant);
        var stream = new TwimlStream(url: streamUrl.AbsoluteUri);
        foreach (var (name, value) in parameters)
        {
            stream.Parameter(name: name, value: value);
        }

        var connect = new Connect(action: new Uri(ConnectEndedPath, UriKind.Relative), method: Twilio.Http.HttpMethod.Post);
        connect.Append(stream);
        return Write(Speak(new VoiceResponse(), greeting, CallVoice.For(_voice, tenant)).Append(connect));
    }

    /// <summary>A short filler in <paramref name="tenant"/>'s voice while the turn is still running, then a redirect to fetch it (<see cref="ContinuePath"/>).</summary>
    public string RenderHold(string filler, string turnToken, int hop, TenantProfile? tenant)
    {
        var url = $"{ContinuePath}?turn={Uri.EscapeDataString(turnToken)}&hop={hop.ToString(CultureInfo.InvariantCulture)}";
        return Write(new VoiceResponse().Append(Say(filler, CallVoice.For(_voice, tenant))).Redirect(new Uri(url, UriKind.Relative), Twilio.Http.HttpMethod.Post));
    }

    /// <summary>
    /// What the caller hears when something failed on our side: an apology and the shop's desk when the tenant is
    /// known, else an apology and goodbye. Needs no storage.
    /// </summary>
    public string RenderFailure(TenantProfile? tenant) => Render(AgentReply.Apology(tenant), tenant);

    /// <summary>The empty document: an answer that asks Twilio to do nothing (status callbacks).</summary>
    public static string Empty() => Write(new VoiceResponse());

    private static Say Say(string text, CallVoice voice, string? language = null) =>
        new(SpeechText.XmlSafe(text), voice: voice.VoiceFor(language), language: language ?? voice.Language);

    /// <summary>One <c>&lt;Say&gt;</c> for the reply, or one per part, each in its part's language.</summary>
    private static T Speak<T>(T parent, AgentReply reply, CallVoice voice)
        where T : TwiML
    {
        if (reply.Parts is not { Count: > 0 } parts)
        {
            // An empty reply (a transfer or hang-up after the real-time host already spoke) says nothing.
            if (!string.IsNullOrWhiteSpace(reply.Speech))
            {
                parent.Append(Say(reply.Speech, voice));
            }

            return parent;
        }

        foreach (var part in parts)
        {
            parent.Append(Say(part.Text, voice, part.Language));
        }

        return parent;
    }

    private static string Write(VoiceResponse response) => response.ToString(SaveOptions.DisableFormatting);
}
