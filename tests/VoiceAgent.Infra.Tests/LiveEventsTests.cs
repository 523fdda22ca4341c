namespace VoiceAgent.Infra.Tests;

/// <summary>
/// Azure Web PubSub for the live call events: keys off, and both publishers (the real-time host, and the function app for
/// Gather calls) granted Web PubSub Service Owner with their own identities and pointed at the same endpoint and hub.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class LiveEventsTests(CompiledTemplateFixture template)
{
    private const string WebPubSubServiceOwner = "12cf5a90-567b-43ae-8102-96cf46c7d9b4";

    [Fact]
    public void Service_HasKeysOff()
    {
        var service = ArmTemplate.OfType(template.Module("webpubsub"), "Microsoft.SignalRService/webPubSub").Single();

        Assert.True(service["properties"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void RoleAssignment_GrantsServiceOwner_ToBothAppIdentities()
    {
        var module = template.Module("webpubsub");
        var assignment = ArmTemplate.OfType(module, "Microsoft.Authorization/roleAssignments").Single();

        Assert.Equal(WebPubSubServiceOwner, (string?)module["variables"]!["webPubSubServiceOwner"]);
        Assert.Equal("[parameters('publisherPrincipalIds')[copyIndex()]]", (string?)assignment["properties"]!["principalId"]);
        Assert.Equal("[length(parameters('publisherPrincipalIds'))]", (string?)assignment["copy"]!["count"]);
        var principals = template.ModuleParameters("webpubsub")["publisherPrincipalIds"]!["value"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Contains(principals, p => p.Contains("outputs.hostPrincipalId.value", StringComparison.Ordinal));
        Assert.Contains(principals, p => p.Contains("outputs.functionsPrincipalId.value", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("function-app", "functionsClientId")]
    [InlineData("webpubsub-host", "hostClientId")]
    public void BothApps_PublishToTheSameHub_WithTheirOwnIdentity(string app, string clientIdOutput)
    {
        Assert.Contains("outputs.endpoint.value", template.ModuleParameter(app, "webPubSubEndpoint"), StringComparison.Ordinal);
        Assert.Contains("outputs.hubName.value", template.ModuleParameter(app, "webPubSubHub"), StringComparison.Ordinal);
        Assert.Contains($"outputs.{clientIdOutput}.value", template.ModuleParameter(app, "identityClientId"), StringComparison.Ordinal);
    }
}
