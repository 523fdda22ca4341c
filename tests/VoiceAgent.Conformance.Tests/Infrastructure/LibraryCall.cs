using System.Text.Json.Nodes;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>A call on the official library's TwiML builder, e.g. <c>response.gather({...})</c>, for the reference script.</summary>
internal static class LibraryCall
{
    public static JsonObject Of(string call, JsonObject? attributes = null, string? text = null, params JsonObject[] children)
    {
        var json = new JsonObject { ["call"] = call };
        if (attributes is not null)
        {
            json["attributes"] = attributes;
        }

        if (text is not null)
        {
            json["text"] = text;
        }

        if (children.Length > 0)
        {
            json["children"] = new JsonArray([.. children]);
        }

        return json;
    }

    public static JsonArray Document(params JsonObject[] calls) => new([.. calls]);
}
