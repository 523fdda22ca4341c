using System.Xml.Linq;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>Reads a TwiML answer and checks it is a well-formed voice document.</summary>
public static class Twiml
{
    public static async Task<XElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A TwiML document as a function returned it (direct invocation) or a response carried it.</summary>
    public static XElement Parse(string? body)
    {
        Assert.False(string.IsNullOrWhiteSpace(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        return root;
    }

    public static string Spoken(XElement response) =>
        string.Join(" ", response.Descendants("Say").Select(s => s.Value));

    /// <summary>
    /// The number a <c>&lt;Dial&gt;</c> rings, in either valid form: a <c>&lt;Number&gt;</c> (or <c>&lt;Sip&gt;</c>) noun,
    /// or the bare number as the verb's text, as Twilio's SDK writes <c>Dial("+1…")</c>.
    /// </summary>
    public static string? DialedNumber(XElement response) =>
        response.Element("Dial") is { } dial ? (dial.Elements().FirstOrDefault()?.Value ?? dial.Value).Trim() : null;
}
