using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VoiceAgent.Core.Telephony.Twiml;

/// <summary>
/// Builds a TwiML voice document (<c>&lt;Response&gt;</c>) with the verbs VoiceAgent uses.
/// Attribute names and values follow Twilio's TwiML reference and its helper library's <c>VoiceResponse</c>.
/// </summary>
public sealed class VoiceResponse
{
    public const string ContentType = "text/xml";

    private readonly XElement _root = new("Response");

    public VoiceResponse Say(string text, SayOptions? options = null)
    {
        _root.Add(TwimlVerbs.Say(text, options));
        return this;
    }

    public VoiceResponse Pause(int seconds = 1)
    {
        _root.Add(TwimlVerbs.Pause(seconds));
        return this;
    }

    public VoiceResponse Play(string url)
    {
        _root.Add(TwimlVerbs.Play(url));
        return this;
    }

    /// <summary><c>&lt;Gather&gt;</c>, with <c>&lt;Say&gt;</c>/<c>&lt;Pause&gt;</c>/<c>&lt;Play&gt;</c> nested inside it.</summary>
    public VoiceResponse Gather(GatherOptions options, Action<GatherPrompt>? prompt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gather = new XElement("Gather");
        TwimlVerbs.AddAttribute(gather, "action", options.Action);
        TwimlVerbs.AddAttribute(gather, "method", options.Method);
        TwimlVerbs.AddAttribute(gather, "input", options.Input);
        TwimlVerbs.AddAttribute(gather, "timeout", options.TimeoutSeconds);
        TwimlVerbs.AddAttribute(gather, "speechTimeout", options.SpeechTimeout);
        TwimlVerbs.AddAttribute(gather, "speechModel", options.SpeechModel);
        TwimlVerbs.AddAttribute(gather, "language", options.Language);
        TwimlVerbs.AddAttribute(gather, "hints", options.Hints);
        TwimlVerbs.AddAttribute(gather, "numDigits", options.NumDigits);
        TwimlVerbs.AddAttribute(gather, "finishOnKey", options.FinishOnKey);
        TwimlVerbs.AddAttribute(gather, "actionOnEmptyResult", options.ActionOnEmptyResult);
        prompt?.Invoke(new GatherPrompt(gather));
        _root.Add(gather);
        return this;
    }

    /// <summary><c>&lt;Dial&gt;</c> a phone number (E.164) or a SIP URI (<c>sip:…</c>).</summary>
    public VoiceResponse Dial(string target, DialOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var dial = new XElement("Dial");
        TwimlVerbs.AddAttribute(dial, "action", options?.Action);
        TwimlVerbs.AddAttribute(dial, "method", options?.Method);
        TwimlVerbs.AddAttribute(dial, "timeout", options?.TimeoutSeconds);
        TwimlVerbs.AddAttribute(dial, "callerId", options?.CallerId);
        TwimlVerbs.AddAttribute(dial, "answerOnBridge", options?.AnswerOnBridge);
        if (target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            dial.Add(new XElement("Sip", target));
        }
        else
        {
            dial.Add(new XElement("Number", target));
        }

        _root.Add(dial);
        return this;
    }

    public VoiceResponse Redirect(string url, string method = "POST")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var redirect = new XElement("Redirect", url);
        TwimlVerbs.AddAttribute(redirect, "method", method);
        _root.Add(redirect);
        return this;
    }

    public VoiceResponse Hangup()
    {
        _root.Add(new XElement("Hangup"));
        return this;
    }

    /// <summary>Bidirectional media stream: <c>&lt;Connect&gt;&lt;Stream url&gt;&lt;Parameter/&gt;…</c>.</summary>
    public VoiceResponse ConnectStream(string url, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var stream = new XElement("Stream", new XAttribute("url", url));
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            stream.Add(new XElement("Parameter", new XAttribute("name", name), new XAttribute("value", value)));
        }

        _root.Add(new XElement("Connect", stream));
        return this;
    }

    public override string ToString()
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            OmitXmlDeclaration = false,
            Indent = false,
            // Keep carriage returns in text as &#xD; (as Twilio's library does); the default would rewrite them as line feeds.
            NewLineHandling = NewLineHandling.Entitize,
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(_root).Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
