using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Infra.Tests;

/// <summary>
/// The agent's language model in Azure (issue 10): both apps get the same <c>Llm__*</c> settings, Azure OpenAI is reached
/// with each app's own user-assigned identity and never with a key, those identities may call the account, and with
/// nothing configured no model is deployed and the apps run the offline engine.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class LanguageModelTests(CompiledTemplateFixture template)
{
    /// <summary>Cognitive Services OpenAI User: inference only, the narrowest built-in role that can call a deployment.</summary>
    private const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";

    /// <summary>A user-assigned identity's client id, as the apps receive it.</summary>
    private const string ClientId = "11111111-1111-1111-1111-111111111111";

    /// <summary>main.bicep's parameters for the model, each with the azd variable that sets it.</summary>
    private static readonly (string Parameter, string Variable)[] ModelParameters =
    [
        ("createOpenAi", "LLM_CREATE_OPENAI"), ("llmEndpoint", "LLM_ENDPOINT"), ("llmDeployment", "LLM_DEPLOYMENT"), ("llmModel", "LLM_MODEL"),
        ("openAiAccountName", "LLM_OPENAI_ACCOUNT"), ("openAiResourceGroupName", "LLM_OPENAI_RESOURCE_GROUP"),
    ];

    /// <summary>The two app modules: both run the agent.</summary>
    private static readonly string[] AppModules = ["function-app", "webpubsub-host"];

    public static TheoryData<string> Apps => new(AppModules);

    [Theory]
    [MemberData(nameof(Apps))]
    public void AppSettings_NameTheModel_AndTheAppsOwnIdentity(string module)
    {
        var settings = ArmTemplate.AppSettings(template.Module(module));

        Assert.Equal(
            ["Llm__Deployment", "Llm__Endpoint", "Llm__Kind", "Llm__ManagedIdentityClientId", "Llm__Model"],
            settings.Select(s => s.Key).Where(k => k.StartsWith(LlmOptions.Section + "__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("[parameters('llm').endpoint]", (string?)settings["Llm__Endpoint"]);
        Assert.Equal("[parameters('llm').deployment]", (string?)settings["Llm__Deployment"]);
        Assert.Equal("[parameters('llm').model]", (string?)settings["Llm__Model"]);
        Assert.Equal(LlmKind.AzureOpenAI, Enum.Parse<LlmKind>((string)settings["Llm__Kind"]!));

        // The client id of the app's one user-assigned identity, the same one storage and DefaultAzureCredential use.
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["Llm__ManagedIdentityClientId"]);
        Assert.Equal((string?)settings["AZURE_CLIENT_ID"], (string?)settings["Llm__ManagedIdentityClientId"]);
        var identity = ArmTemplate.OfType(template.Module(module), "Microsoft.Web/sites").Single()["identity"]!;
        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], identity["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
    }

    /// <summary>No key for the model in Azure: not as a setting, not as a Key Vault reference, not in any parameter.</summary>
    [Fact]
    public void ModelApiKey_IsNeverDeployed()
    {
        foreach (var module in AppModules)
        {
            var settings = ArmTemplate.AppSettings(template.Module(module));
            Assert.DoesNotContain(settings, s => s.Key.StartsWith(LlmOptions.Section + "__", StringComparison.OrdinalIgnoreCase) && s.Key.Contains("Key", StringComparison.OrdinalIgnoreCase));
        }

        Assert.DoesNotContain(template.Template["parameters"]!.AsObject(), p => p.Key.Contains("key", StringComparison.OrdinalIgnoreCase) && p.Key.Contains("llm", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ArmTemplate.Strings(template.Template), s => s.Contains(nameof(LlmOptions.ApiKey), StringComparison.Ordinal));
        var account = ArmTemplate.OfType(template.Module("openai"), "Microsoft.CognitiveServices/accounts").Single();
        Assert.True(account["properties"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    /// <summary>Both apps run the agent, so both talk to the same model: the account made here, or the endpoint given.</summary>
    [Fact]
    public void BothApps_GetTheSameModel_FromTheCreatedAccountOrTheGivenEndpoint()
    {
        // Bicep passes the whole parameter as one expression: {value: created} or {value: given}.
        var functions = (string)template.ModuleParameters("function-app")["llm"]!;

        Assert.Equal(functions, (string?)template.ModuleParameters("webpubsub-host")["llm"]);
        Assert.StartsWith("[if(parameters('createOpenAi'), createObject('value', createObject('endpoint', reference(", functions, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/deployments', 'openai'), '2025-04-01').outputs.endpoint.value", functions, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/deployments', 'openai'), '2025-04-01').outputs.deploymentName.value", functions, StringComparison.Ordinal);
        Assert.Contains("'model', parameters('openAiModelName'))", functions, StringComparison.Ordinal);
        // Otherwise the given endpoint and deployment; the model defaults to the deployment's name.
        Assert.EndsWith(
            "createObject('value', createObject('endpoint', parameters('llmEndpoint'), 'deployment', parameters('llmDeployment'), 'model', if(empty(parameters('llmModel')), parameters('llmDeployment'), parameters('llmModel')))))]",
            functions,
            StringComparison.Ordinal);
    }

    /// <summary>Nothing set: no Azure OpenAI account, no role assignment, empty settings, and the app binds "no model".</summary>
    [Fact]
    public void NothingConfigured_DeploysNoModel_AndTheAppsRunTheOfflineEngine()
    {
        var parameters = template.Template["parameters"]!;
        Assert.False(parameters["createOpenAi"]!["defaultValue"]!.GetValue<bool>());
        foreach (var (parameter, _) in ModelParameters.Skip(1))
        {
            Assert.Equal(string.Empty, (string?)parameters[parameter]!["defaultValue"]);
        }

        Assert.Equal("[parameters('createOpenAi')]", (string?)Deployment("openai")["condition"]);
        Assert.Equal(
            "[and(and(not(parameters('createOpenAi')), not(empty(parameters('llmEndpoint')))), not(empty(parameters('openAiAccountName'))))]",
            (string?)Deployment("llm-access")["condition"]);

        // What the apps receive then: the parameters' defaults, through the non-created branch of the llm object.
        var deployment = (string)parameters["llmDeployment"]!["defaultValue"]!;
        var options = Bind(
            endpoint: (string)parameters["llmEndpoint"]!["defaultValue"]!,
            deployment: deployment,
            model: string.IsNullOrEmpty((string?)parameters["llmModel"]!["defaultValue"]) ? deployment : (string)parameters["llmModel"]!["defaultValue"]!);

        Assert.False(options.IsConfigured);
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    /// <summary>What infra writes for a model is enough to build the Azure OpenAI client, with the identity and no key.</summary>
    [Fact]
    public void AConfiguredEndpoint_BindsToAzureOpenAI_WithTheAppIdentity()
    {
        var options = Bind(endpoint: "https://oai-example.openai.azure.com/", deployment: "gpt-4o-mini", model: "gpt-4o-mini");

        Assert.True(options.IsConfigured);
        Assert.Equal(LlmKind.AzureOpenAI, options.Kind);
        Assert.Null(options.ApiKey);
        Assert.Equal(ClientId, options.ManagedIdentityClientId);
        Assert.Equal("gpt-4o-mini", options.DeploymentName);
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
        using var client = ChatClientFactory.Create(options);
        Assert.NotNull(client.GetService<IChatClient>());
    }

    [Fact]
    public void AzdVariables_SetTheModelParameters_AndDefaultToNothing()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!;

        foreach (var (parameter, variable) in ModelParameters)
        {
            Assert.NotNull(template.Template["parameters"]![parameter]);
            var expected = parameter == "createOpenAi" ? $"${{{variable}=false}}" : $"${{{variable}=}}";
            Assert.Equal(expected, (string?)file[parameter]?["value"]);
        }
    }

    /// <summary>
    /// The created account's role assignments (openai-access, inside openai) and an existing account's (llm-access):
    /// Cognitive Services OpenAI User on the account itself, one per app identity, named deterministically.
    /// </summary>
    [Theory]
    [InlineData("openai-access")]
    [InlineData("llm-access")]
    public void RoleAssignments_GrantOpenAIUser_OnTheAccount(string module)
    {
        var access = template.Module(module);
        var assignment = ArmTemplate.OfType(access, "Microsoft.Authorization/roleAssignments").Single();
        const string account = "resourceId('Microsoft.CognitiveServices/accounts', parameters('accountName'))";

        Assert.Equal(CognitiveServicesOpenAIUser, (string?)access["variables"]!["cognitiveServicesOpenAIUser"]);
        Assert.Equal($"[{account}]", (string?)assignment["scope"]);
        Assert.Equal("[length(parameters('principalIds'))]", (string?)assignment["copy"]!["count"]);
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('cognitiveServicesOpenAIUser'))]", (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Equal("[parameters('principalIds')[copyIndex()]]", (string?)assignment["properties"]!["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        Assert.Equal($"[guid({account}, parameters('principalIds')[copyIndex()], variables('cognitiveServicesOpenAIUser'))]", (string?)assignment["name"]);
    }

    /// <summary>The principals granted are the two app identities, on the account the apps are pointed at.</summary>
    [Fact]
    public void RoleAssignments_AreForBothAppIdentities_OnTheModelsAccount()
    {
        Assert.Equal(["functionsPrincipalId", "hostPrincipalId"], IdentityOutputs(template.ModuleParameters("openai")["principalIds"]!["value"]!));
        Assert.Equal(["functionsPrincipalId", "hostPrincipalId"], IdentityOutputs(template.ModuleParameters("llm-access")["principalIds"]!["value"]!));
        Assert.Equal("[parameters('principalIds')]", (string?)Deployment("openai-access")["properties"]!["parameters"]!["principalIds"]!["value"]);

        // The created account grants on itself; an existing one is named by parameter, in its own resource group.
        Assert.Equal("[parameters('name')]", (string?)Deployment("openai-access")["properties"]!["parameters"]!["accountName"]!["value"]);
        Assert.Equal("[parameters('openAiAccountName')]", template.ModuleParameter("llm-access", "accountName"));
        Assert.Equal(
            "[if(empty(parameters('openAiResourceGroupName')), format('{0}{1}', variables('abbrs').resourcesResourceGroups, parameters('environmentName')), parameters('openAiResourceGroupName'))]",
            (string?)Deployment("llm-access")["resourceGroup"]);
        Assert.Contains("outputs.functionsClientId.value", template.ModuleParameter("function-app", "identityClientId"), StringComparison.Ordinal);
        Assert.Contains("outputs.hostClientId.value", template.ModuleParameter("webpubsub-host", "identityClientId"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Infra leaves the model's deadlines to their code defaults (AppSettingsCatalog.CodeDefaults), so those defaults must
    /// nest inside the turn deadline infra sets: a tool inside the model's turn, the model's turn inside the webhook's.
    /// </summary>
    [Fact]
    public void ModelDeadlines_NestInsideTheTurnDeadlineInfraSets()
    {
        var defaults = new LlmOptions();
        var turn = template.Template["variables"]!["voice"]!["turnDeadlineSeconds"]!.GetValue<int>();

        Assert.InRange(defaults.ToolDeadlineSeconds, 0.1, defaults.ModelDeadlineSeconds - 0.1);
        Assert.InRange(defaults.ModelDeadlineSeconds, defaults.ToolDeadlineSeconds + 0.1, turn - 0.1);
        foreach (var module in AppModules)
        {
            var settings = ArmTemplate.AppSettings(template.Module(module));
            Assert.False(settings.ContainsKey("Llm__ModelDeadlineSeconds") || settings.ContainsKey("Llm__ToolDeadlineSeconds"), module);
            Assert.Equal("[string(parameters('voice').turnDeadlineSeconds)]", (string?)settings["Voice__TurnDeadlineSeconds"]);
        }
    }

    /// <summary>LlmOptions as an app binds them from the Llm__* settings infra writes (environment variables: <c>__</c> is <c>:</c>).</summary>
    private LlmOptions Bind(string endpoint, string deployment, string model)
    {
        var kind = (string)ArmTemplate.AppSettings(template.Module("function-app"))["Llm__Kind"]!;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Llm:Endpoint"] = endpoint,
                ["Llm:Kind"] = kind,
                ["Llm:Deployment"] = deployment,
                ["Llm:Model"] = model,
                ["Llm:ManagedIdentityClientId"] = ClientId,
            })
            .Build();
        return configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? throw new InvalidOperationException("Llm section did not bind.");
    }

    /// <summary>A module deployment (at any depth) of the compiled template, with its condition and scope.</summary>
    private JsonObject Deployment(string name) =>
        ArmTemplate.OfType(template.Template, "Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);

    /// <summary>The identity module outputs an array of <c>reference(... 'identity' ...).outputs.X.value</c> expressions names.</summary>
    private static List<string> IdentityOutputs(JsonNode principals) =>
        principals.AsArray()
            .Select(p => (string)p!)
            .Select(p =>
            {
                Assert.Contains("'Microsoft.Resources/deployments', 'identity')", p, StringComparison.Ordinal);
                var start = p.IndexOf(".outputs.", StringComparison.Ordinal) + ".outputs.".Length;
                return p[start..p.IndexOf(".value", start, StringComparison.Ordinal)];
            })
            .ToList();
}
