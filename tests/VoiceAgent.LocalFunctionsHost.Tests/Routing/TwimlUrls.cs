using System.Xml.Linq;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>The URLs in a TwiML document that Twilio requests next: callbacks in attributes and <c>&lt;Redirect&gt;</c> bodies.</summary>
public static class TwimlUrls
{
    /// <summary>URL attributes Twilio requests, with the attribute naming their method (TwiML's default method is POST).</summary>
    private static readonly (string Url, string Method)[] Callbacks =
    [
        ("action", "method"),
        ("statusCallback", "statusCallbackMethod"),
        ("partialResultCallback", "partialResultCallbackMethod"),
        ("recordingStatusCallback", "recordingStatusCallbackMethod"),
    ];

    public static IReadOnlyList<TwimlUrl> Read(string twiml)
    {
        var document = XDocument.Parse(twiml);
        var urls = new List<TwimlUrl>();
        foreach (var element in document.Descendants())
        {
            foreach (var (url, method) in Callbacks)
            {
                if (element.Attribute(url) is { } value)
                {
                    urls.Add(new TwimlUrl($"<{element.Name.LocalName} {url}>", value.Value, MethodOf(element, method)));
                }
            }

            if (element.Name.LocalName == "Redirect")
            {
                urls.Add(new TwimlUrl("<Redirect>", element.Value.Trim(), MethodOf(element, "method")));
            }
        }

        return urls;
    }

    private static string MethodOf(XElement element, string attribute) => (string?)element.Attribute(attribute) ?? "POST";
}
