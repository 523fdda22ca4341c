using System.Xml.Linq;

namespace VoiceAgent.Core.Telephony.Twiml;

/// <summary>The verbs that may be nested in a <c>&lt;Gather&gt;</c>.</summary>
public sealed class GatherPrompt
{
    private readonly XElement _gather;

    internal GatherPrompt(XElement gather) => _gather = gather;

    public GatherPrompt Say(string text, SayOptions? options = null)
    {
        _gather.Add(TwimlVerbs.Say(text, options));
        return this;
    }

    public GatherPrompt Pause(int seconds = 1)
    {
        _gather.Add(TwimlVerbs.Pause(seconds));
        return this;
    }

    public GatherPrompt Play(string url)
    {
        _gather.Add(TwimlVerbs.Play(url));
        return this;
    }
}
