using System.Text.Json.Nodes;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.Infra.Tests;

/// <summary>
/// Azure AI Speech for the host: keys off, a custom subdomain (Entra ID tokens need one), the host's identity allowed to
/// synthesise and recognise, and the host's <see cref="AzureSpeechOptions"/> settings pointing at that resource.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class SpeechTests(CompiledTemplateFixture template)
{
    /// <summary>Cognitive Services Speech User: the Speech data actions only.</summary>
    private const string CognitiveServicesSpeechUser = "f2dc8367-1007-4938-bd23-fe263f013447";

    [Fact]
    public void Account_HasACustomSubdomain_AndKeysOff()
    {
        var account = ArmTemplate.OfType(template.Module("speech"), "Microsoft.CognitiveServices/accounts").Single();

        Assert.Equal("SpeechServices", (string?)account["kind"]);
        Assert.Equal("[parameters('name')]", (string?)account["properties"]!["customSubDomainName"]);
        Assert.True(account["properties"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void RoleAssignment_GrantsSpeechUser_ToTheHostIdentity_OnTheAccount()
    {
        var speech = template.Module("speech");
        var assignment = ArmTemplate.OfType(speech, "Microsoft.Authorization/roleAssignments").Single();

        Assert.Equal(CognitiveServicesSpeechUser, (string?)speech["variables"]!["cognitiveServicesSpeechUser"]);
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('cognitiveServicesSpeechUser'))]", (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Equal("[parameters('principalIds')[copyIndex()]]", (string?)assignment["properties"]!["principalId"]);
        Assert.Contains("Microsoft.CognitiveServices/accounts", (string?)assignment["scope"], StringComparison.Ordinal);
        var principals = template.ModuleParameters("speech")["principalIds"]!["value"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Contains(principals, p => p.Contains("outputs.hostPrincipalId.value", StringComparison.Ordinal));
    }

    [Fact]
    public void HostSettings_PointAtTheResource_WithTheHostsIdentity_AndNoKey()
    {
        var settings = ArmTemplate.AppSettings(template.Module("webpubsub-host"));

        Assert.Equal("[parameters('speechEndpoint')]", Setting(settings, nameof(AzureSpeechOptions.Endpoint)));
        Assert.Equal("[parameters('speechResourceId')]", Setting(settings, nameof(AzureSpeechOptions.ResourceId)));
        Assert.Equal("[parameters('identityClientId')]", Setting(settings, nameof(AzureSpeechOptions.ManagedIdentityClientId)));
        Assert.False(settings.ContainsKey($"{AzureSpeechOptions.Section}__{nameof(AzureSpeechOptions.Key)}"));
        Assert.Contains("outputs.endpoint.value", template.ModuleParameter("webpubsub-host", "speechEndpoint"), StringComparison.Ordinal);
        Assert.Contains("outputs.id.value", template.ModuleParameter("webpubsub-host", "speechResourceId"), StringComparison.Ordinal);
    }

    private static string? Setting(JsonObject settings, string property) => (string?)settings[$"{AzureSpeechOptions.Section}__{property}"];
}
