using System.Text.Json.Nodes;
using NJsonSchema;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>Why and how the schema loader rewrites <c>const</c>; if NJsonSchema learns <c>const</c>, the first test says so.</summary>
public sealed class OfficialSchemasTests
{
    private const string ConstSchema = """{ "$schema": "http://json-schema.org/draft-04/schema#", "properties": { "version": { "const": "2.0" } } }""";

    [Fact]
    public async Task Validate_NJsonSchemaWithConst_IgnoresTheKeyword()
    {
        var schema = await JsonSchema.FromJsonAsync(ConstSchema);

        Assert.Empty(schema.Validate("""{ "version": "3.0" }"""));
    }

    [Fact]
    public async Task RewriteConst_ConstKeyword_BecomesEnforcedEnum()
    {
        var document = JsonNode.Parse(ConstSchema);

        OfficialSchemas.RewriteConst(document);
        var schema = await JsonSchema.FromJsonAsync(document!.ToJsonString());

        Assert.NotEmpty(schema.Validate("""{ "version": "3.0" }"""));
        Assert.Empty(schema.Validate("""{ "version": "2.0" }"""));
    }

    [Fact]
    public void RewriteConst_PropertyNamedConst_IsLeftAlone()
    {
        var document = JsonNode.Parse("""{ "properties": { "const": { "type": "string" } }, "definitions": { "const": { "const": 1 } } }""")!;

        OfficialSchemas.RewriteConst(document);

        Assert.Equal("string", document["properties"]!["const"]!["type"]!.GetValue<string>());
        Assert.Equal(1, document["definitions"]!["const"]!["enum"]![0]!.GetValue<int>());
        Assert.Null(document["definitions"]!["const"]!["const"]);
    }
}
