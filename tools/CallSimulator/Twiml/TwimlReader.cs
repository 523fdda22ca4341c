using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>
/// Reads a TwiML voice document into verbs the simulator follows. Anything Twilio would reject, or that the
/// simulator cannot play (an unknown verb, a verb nested where TwiML does not allow it, a bad attribute), is a
/// <see cref="TwimlException"/> with a readable message, never a crash.
/// </summary>
public static class TwimlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static TwimlDocument Read(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw new TwimlException("The response body is empty, not TwiML.");
        }

        XDocument document;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new TwimlException($"The response is not well-formed XML: {ex.Message}", ex);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "Response" || root.Name.NamespaceName.Length > 0)
        {
            throw new TwimlException($"The TwiML root element must be <Response>, not <{root.Name.LocalName}>.");
        }

        return new TwimlDocument(root.Elements().Select(ReadVerb).ToList());
    }

    private static TwimlVerb ReadVerb(XElement element) => element.Name.LocalName switch
    {
        "Say" => ReadSay(element),
        "Play" => new PlayVerb(RequiredText(element)),
        "Pause" => new PauseVerb(IntAttribute(element, "length", 1, min: 1)),
        "Gather" => ReadGather(element),
        "Redirect" => new RedirectVerb(RequiredText(element), Method(element)),
        "Dial" => ReadDial(element),
        "Hangup" => new HangupVerb(),
        "Reject" => new RejectVerb((string?)element.Attribute("reason")),
        "Connect" => ReadConnect(element),
        var name => throw new TwimlException($"Unsupported TwiML verb <{name}>."),
    };

    private static SayVerb ReadSay(XElement element)
    {
        if (element.Elements().Any(e => e.Name.LocalName is not ("break" or "emphasis" or "lang" or "p" or "phoneme" or "prosody" or "s" or "say-as" or "sub" or "w")))
        {
            throw new TwimlException($"<Say> may hold text and SSML only, not <{element.Elements().First().Name.LocalName}>.");
        }

        return new SayVerb(Collapse(element.Value), IntAttribute(element, "loop", 1, min: 0));
    }

    private static GatherVerb ReadGather(XElement element)
    {
        var prompt = new List<TwimlVerb>();
        foreach (var child in element.Elements())
        {
            prompt.Add(child.Name.LocalName switch
            {
                "Say" or "Play" or "Pause" => ReadVerb(child),
                var name => throw new TwimlException($"<Gather> may nest <Say>, <Play> and <Pause> only, not <{name}>."),
            });
        }

        var input = (string?)element.Attribute("input") ?? "dtmf";
        if (input.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(part => part is not ("dtmf" or "speech")))
        {
            throw new TwimlException($"<Gather input=\"{input}\"> must be dtmf, speech, or both.");
        }

        var action = (string?)element.Attribute("action");
        return new GatherVerb
        {
            Action = string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
            Method = Method(element),
            Input = input,
            TimeoutSeconds = IntAttribute(element, "timeout", 5, min: 1),
            ActionOnEmptyResult = BoolAttribute(element, "actionOnEmptyResult"),
            Prompt = prompt,
        };
    }

    private static ConnectVerb ReadConnect(XElement element)
    {
        var nouns = element.Elements().ToList();
        if (nouns is not [{ Name.LocalName: "ConversationRelay" or "Stream" } noun])
        {
            throw new TwimlException($"The simulator plays <Connect> with one <ConversationRelay> or <Stream> only, not {(nouns.Count == 0 ? "nothing" : $"<{nouns[0].Name.LocalName}>")}.");
        }

        var kind = noun.Name.LocalName;
        var url = ((string?)noun.Attribute("url"))?.Trim();
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var socket) || socket.Scheme is not ("wss" or "ws"))
        {
            throw new TwimlException($"<{kind} url=\"{url}\"> must be an absolute wss:// URL.");
        }

        if (socket.Query.Length > 0)
        {
            throw new TwimlException($"<{kind} url=\"{url}\"> has a query string; Twilio passes call data in <Parameter> only.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in noun.Elements())
        {
            if (parameter.Name.LocalName != "Parameter" || (string?)parameter.Attribute("name") is not { Length: > 0 } name)
            {
                throw new TwimlException($"<{kind}> may nest <Parameter name value> only, not <{parameter.Name.LocalName}>.");
            }

            parameters[name] = (string?)parameter.Attribute("value") ?? string.Empty;
        }

        ConnectNoun session = kind == "Stream"
            ? new StreamNoun(url, parameters)
            : new RelayNoun(url, (string?)noun.Attribute("welcomeGreeting"), parameters);
        var action = (string?)element.Attribute("action");
        return new ConnectVerb(string.IsNullOrWhiteSpace(action) ? null : action.Trim(), Method(element), session);
    }

    private static DialVerb ReadDial(XElement element)
    {
        var targets = new List<string>();
        foreach (var child in element.Elements())
        {
            targets.Add(child.Name.LocalName switch
            {
                "Number" or "Sip" or "Client" or "Queue" or "Conference" => RequiredText(child),
                var name => throw new TwimlException($"<Dial> may not nest <{name}>."),
            });
        }

        if (targets.Count == 0)
        {
            targets.Add(RequiredText(element));
        }

        var action = (string?)element.Attribute("action");
        return new DialVerb(targets, string.IsNullOrWhiteSpace(action) ? null : action.Trim());
    }

    private static string RequiredText(XElement element)
    {
        var text = element.Nodes().OfType<XText>().Select(t => t.Value).Aggregate(string.Empty, string.Concat).Trim();
        return text.Length > 0 ? text : throw new TwimlException($"<{element.Name.LocalName}> needs a value between its tags.");
    }

    private static string Method(XElement element)
    {
        var method = ((string?)element.Attribute("method") ?? "POST").Trim().ToUpperInvariant();
        return method is "POST" or "GET" ? method : throw new TwimlException($"<{element.Name.LocalName} method=\"{method}\"> must be GET or POST.");
    }

    private static int IntAttribute(XElement element, string name, int fallback, int min)
    {
        var raw = (string?)element.Attribute(name);
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new TwimlException($"<{element.Name.LocalName} {name}=\"{raw}\"> must be a whole number of at least {min}.");
    }

    private static bool BoolAttribute(XElement element, string name)
    {
        var raw = (string?)element.Attribute(name);
        return raw switch
        {
            null => false,
            _ when bool.TryParse(raw, out var value) => value,
            _ => throw new TwimlException($"<{element.Name.LocalName} {name}=\"{raw}\"> must be true or false."),
        };
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
