using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VoiceAgent.Infra.Tests;

/// <summary>No keys or secret-bearing connection strings: identity-based connections and Key Vault references only.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class SecretsTests(CompiledTemplateFixture template)
{
    [Fact]
    public void BicepSources_ContainNoKeysOrSecretConnectionStrings()
    {
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Append(Path.Combine(RepositoryPaths.Infra, "main.parameters.json"))
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, i)))
            .Where(x => SecretPattern().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Secrets or key-based access in infra/:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void CompiledTemplate_ContainsNoKeyListing()
    {
        Assert.DoesNotMatch(SecretPattern(), template.Json);
    }

    [Theory]
    [InlineData("function-app")]
    [InlineData("webpubsub-host")]
    public void AppSettings_AreIdentityBased(string module)
    {
        var settings = ArmTemplate.AppSettings(template.Module(module));

        // No key-based storage connection (AzureWebJobsStorage as a connection string), only its identity-based form.
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Select(s => s.Key));
        Assert.DoesNotContain(settings, s => s.Key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase));
        // The only connection string is Application Insights' (an ingestion endpoint + id; local auth is off, Entra ID authenticates).
        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING"], settings.Select(s => s.Key).Where(k => k.Contains("CONNECTION_STRING", StringComparison.Ordinal)));
        Assert.Contains("Authorization=AAD", (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        if (module == "function-app")
        {
            Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        }

        foreach (var (key, value) in settings)
        {
            Assert.DoesNotMatch(SecretPattern(), value?.ToJsonString() ?? string.Empty);
            Assert.False(key.Contains("Key", StringComparison.Ordinal) && !key.Contains("KeyVault", StringComparison.Ordinal), $"{module}: setting {key} looks like a key.");
        }
    }

    [Fact]
    public void Secrets_AreKeyVaultReferences_ResolvedWithTheAppIdentity()
    {
        foreach (var (module, parameter) in new[]
        {
            ("function-app", "twilioAuthTokenReference"), ("webpubsub-host", "twilioAuthTokenReference"),
        })
        {
            var value = (string?)ModuleParameters(module)[parameter]!["value"];
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)'", value, StringComparison.Ordinal);
        }

        // The Google service account travels inside the calendar object, as a Key Vault reference too.
        foreach (var module in new[] { "function-app", "webpubsub-host" })
        {
            var value = (string?)ModuleParameters(module)["calendar"]!["value"]!["serviceAccountReference"];
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)'", value, StringComparison.Ordinal);
        }

        foreach (var module in new[] { "function-app", "webpubsub-host" })
        {
            Assert.Equal("[parameters('twilioAuthTokenReference')]", (string?)ArmTemplate.AppSettings(template.Module(module))["Twilio__AuthToken"]);
            Assert.Equal("[parameters('calendar').serviceAccountReference]", (string?)ArmTemplate.AppSettings(template.Module(module))["GoogleCalendar__ServiceAccountJson"]);
            var site = ArmTemplate.OfType(template.Module(module), "Microsoft.Web/sites").Single();
            Assert.Equal("[parameters('identityId')]", (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        }
    }

    [Fact]
    public void Services_HaveLocalAuthOff()
    {
        var storage = ArmTemplate.OfType(template.Module("storage"), "Microsoft.Storage/storageAccounts").Single();
        Assert.False(storage["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());
        var insights = ArmTemplate.OfType(template.Module("monitoring"), "Microsoft.Insights/components").Single();
        Assert.True(insights["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
        foreach (var module in new[] { "speech", "openai" })
        {
            var account = ArmTemplate.OfType(template.Module(module), "Microsoft.CognitiveServices/accounts").Single();
            Assert.True(account["properties"]!["disableLocalAuth"]!.GetValue<bool>(), module);
        }

        var webPubSub = ArmTemplate.OfType(template.Module("webpubsub"), "Microsoft.SignalRService/webPubSub").Single();
        Assert.True(webPubSub["properties"]!["disableLocalAuth"]!.GetValue<bool>());
        var vault = ArmTemplate.OfType(template.Module("keyvault"), "Microsoft.KeyVault/vaults").Single();
        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
    }

    private JsonObject ModuleParameters(string module) =>
        template.Template["resources"]!.AsArray().Single(r => (string?)r!["name"] == module)!["properties"]!["parameters"]!.AsObject();

    // Account keys, SAS, key listing functions and storage connection strings.
    [GeneratedRegex(@"AccountKey|SharedAccessKey|SharedAccessSignature|DefaultEndpointsProtocol|listKeys|listConnectionStrings|listAccountSas|primaryKey|primaryConnectionString|InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();
}
