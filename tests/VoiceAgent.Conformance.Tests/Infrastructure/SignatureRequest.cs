using System.Text.Json.Nodes;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>A webhook as Twilio signs it: auth token, the full URL it requested, and the decoded form parameters (repeats allowed).</summary>
internal sealed record SignatureRequest(string Token, string Url, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public JsonObject ToJson(string op, string? signature)
    {
        var pairs = new JsonArray();
        foreach (var (name, value) in Parameters)
        {
            pairs.Add(new JsonArray(name, value));
        }

        var json = new JsonObject { ["op"] = op, ["token"] = Token, ["url"] = Url, ["params"] = pairs };
        if (signature is not null)
        {
            json["signature"] = signature;
        }

        return json;
    }

    public override string ToString() => $"{Url} [{string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))}]";
}
