using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony.Twiml;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Telephony;

/// <summary>Turns an <see cref="AgentReply"/> into TwiML for the Gather transport.</summary>
public sealed class VoiceReplyRenderer(IOptions<VoiceOptions> options)
{
    public const string TurnPath = "/api/voice/turn";
    public const string ContinuePath = "/api/voice/continue";

    private readonly VoiceOptions _voice = options.Value;

    public string Render(AgentReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var say = new SayOptions(_voice.SayVoice, _voice.Language);
        var response = new VoiceResponse();
        switch (reply.Action)
        {
            case CallAction.Listen:
                response.Gather(
                    new GatherOptions
                    {
                        Action = TurnPath,
                        Input = "speech dtmf",
                        TimeoutSeconds = _voice.GatherTimeoutSeconds,
                        SpeechTimeout = _voice.SpeechTimeout,
                        SpeechModel = string.IsNullOrWhiteSpace(_voice.SpeechModel) ? null : _voice.SpeechModel,
                        Language = _voice.Language,
                        ActionOnEmptyResult = true,
                    },
                    prompt => prompt.Say(reply.Speech, say));
                break;
            case CallAction.Transfer:
                response.Say(reply.Speech, say).Dial(reply.TransferTo ?? throw new InvalidOperationException("A transfer needs a target."));
                break;
            default:
                response.Say(reply.Speech, say).Hangup();
                break;
        }

        return response.ToString();
    }

    /// <summary>A short filler while the turn is still running, then a redirect to fetch it (<see cref="ContinuePath"/>).</summary>
    public string RenderHold(string filler, string turnToken, int hop)
    {
        var query = $"?turn={Uri.EscapeDataString(turnToken)}&hop={hop.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return new VoiceResponse().Say(filler, new SayOptions(_voice.SayVoice, _voice.Language)).Redirect(ContinuePath + query).ToString();
    }

    /// <summary>
    /// What the caller hears when something failed on our side: an apology and the shop's desk when the tenant is
    /// known, else an apology and goodbye. Needs no storage.
    /// </summary>
    public string RenderFailure(TenantProfile? tenant)
    {
        var target = tenant?.DefaultTransferTarget;
        return Render(target is null
            ? AgentReply.Hangup("I'm sorry, we're having technical difficulties right now. Please call back in a few minutes. Goodbye.")
            : AgentReply.Transfer($"I'm sorry, I'm having trouble on my end. Let me connect you with our {target.Department}.", target.Target));
    }
}
