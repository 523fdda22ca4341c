using System.Xml.Linq;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>Reads a TwiML answer and checks it is a well-formed voice document.</summary>
public static class Twiml
{
    public static async Task<XElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        return root;
    }

    public static string Spoken(XElement response) =>
        string.Join(" ", response.Descendants("Say").Select(s => s.Value));

    public static string? DialedNumber(XElement response) =>
        response.Element("Dial")?.Elements().FirstOrDefault()?.Value;
}
