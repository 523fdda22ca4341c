using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VoiceAgent.Infra.Tests;

/// <summary>
/// The Functions host's storage (AzureWebJobsStorage, also the Durable task hub), the Flex deployment container and the
/// app tables: identity-based, with exactly the roles they need, and wired to one and the same managed identity.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class FunctionHostStorageTests(CompiledTemplateFixture template)
{
    // Built-in role definition ids (learn.microsoft.com, "Azure built-in roles").
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    [Fact]
    public void AzureWebJobsStorage_IsTheAccountName_WithTheFunctionsManagedIdentity()
    {
        var settings = ArmTemplate.AppSettings(template.Module("function-app"));

        Assert.Equal("[parameters('storageAccountName')]", (string?)settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AZURE_CLIENT_ID"]);

        // main.bicep: the account is the storage module's, the client id is the functions identity's.
        var accountName = template.ModuleParameter("function-app", "storageAccountName");
        Assert.Contains("'Microsoft.Resources/deployments', 'storage')", accountName, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.name.value]", accountName, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.functionsClientId.value]", template.ModuleParameter("function-app", "identityClientId"), StringComparison.Ordinal);

        // One form only: no connection string and no per-service URIs next to the account name.
        var keys = settings.Select(s => s.Key).ToList();
        Assert.DoesNotContain("AzureWebJobsStorage", keys);
        Assert.Equal(
            ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__credential"],
            keys.Where(k => k.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    /// <summary>Flex Consumption rejects these settings: the stack is functionAppConfig.runtime.</summary>
    [Fact]
    public void FunctionApp_SetsNoWorkerRuntimeOrExtensionVersionSetting()
    {
        var module = template.Module("function-app");
        var site = ArmTemplate.OfType(module, "Microsoft.Web/sites").Single();
        var names = ArmTemplate.AppSettings(module).Select(s => s.Key)
            .Concat(site["properties"]!["siteConfig"]!["appSettings"]?.AsArray().Select(s => (string?)s!["name"] ?? string.Empty) ?? [])
            .ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", names, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("10.0", (string?)site["properties"]!["functionAppConfig"]!["runtime"]!["version"]);
    }

    /// <summary>
    /// The Functions host and DurableTask.AzureStorage need Storage Blob Data Owner, Queue Data Contributor and Table Data
    /// Contributor on the AzureWebJobsStorage account; the host app only uses the app tables. Nothing more.
    /// </summary>
    [Fact]
    public void StorageRoles_AreExactlyWhatEachIdentityNeeds_OnTheAccount()
    {
        var grants = StorageRoleGrants();

        Assert.Equal(new[] { BlobDataOwner, QueueDataContributor, TableDataContributor }.Order(StringComparer.Ordinal), grants["functionsPrincipalId"].Order(StringComparer.Ordinal));
        Assert.Equal([TableDataContributor], grants["hostPrincipalId"].Order(StringComparer.Ordinal));
        Assert.Equal(2, grants.Count);

        // main.bicep grants them to the identities the apps run as.
        Assert.EndsWith(".outputs.functionsPrincipalId.value]", template.ModuleParameter("storage", "functionsPrincipalId"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.hostPrincipalId.value]", template.ModuleParameter("storage", "hostPrincipalId"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.functionsIdentityId.value]", template.ModuleParameter("function-app", "identityId"), StringComparison.Ordinal);
    }

    /// <summary>Flex deploys from a blob container the app reads with its user-assigned identity; the container exists and that identity may read it.</summary>
    [Fact]
    public void DeploymentContainer_ExistsInStorage_AndIsReadWithTheFunctionsIdentity()
    {
        var site = ArmTemplate.OfType(template.Module("function-app"), "Microsoft.Web/sites").Single();
        var deployment = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("[parameters('deploymentContainerUrl')]", (string?)deployment["value"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)deployment["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Contains("parameters('identityId')", site["identity"]!["userAssignedIdentities"]!.AsObject().Single().Key, StringComparison.Ordinal);

        // The URL is the storage module's container URL, and that container is created there, private.
        var url = template.ModuleParameter("function-app", "deploymentContainerUrl");
        Assert.Contains("'Microsoft.Resources/deployments', 'storage')", url, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.deploymentContainerUrl.value]", url, StringComparison.Ordinal);
        var storage = template.Module("storage");
        var output = (string?)storage["outputs"]!["deploymentContainerUrl"]!["value"];
        Assert.Contains("primaryEndpoints.blob", output, StringComparison.Ordinal);
        Assert.Contains("parameters('deploymentContainerName')", output, StringComparison.Ordinal);
        var container = ArmTemplate.OfType(storage, "Microsoft.Storage/storageAccounts/blobServices/containers").Single();
        Assert.EndsWith("parameters('deploymentContainerName'))]", (string?)container["name"], StringComparison.Ordinal);
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        Assert.Equal("[variables('deploymentContainerName')]", template.ModuleParameter("storage", "deploymentContainerName"));

        // Granted on the account, so it covers the container.
        Assert.Contains(StorageRoleGrants()["functionsPrincipalId"], role => role is BlobDataOwner or BlobDataContributor);
    }

    /// <summary>
    /// The roles are granted on the storage account itself (so they cover every table, queue and container Durable
    /// creates there), one assignment per principal and role, to a service principal, with the built-in role ids.
    /// </summary>
    [Fact]
    public void StorageRoleAssignments_AreOnTheAccount_ForEachPrincipalAndRole()
    {
        var storage = template.Module("storage");
        var assignment = AppRoleAssignments(storage);

        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", (string?)assignment["scope"]);
        Assert.Equal("[length(variables('assignments'))]", (string?)assignment["copy"]!["count"]);
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('assignments')[copyIndex()].role)]", (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Equal("[variables('assignments')[copyIndex()].principalId]", (string?)assignment["properties"]!["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        // Deterministic per account, principal and role: a redeploy updates, never duplicates.
        Assert.Equal(
            "[guid(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), variables('assignments')[copyIndex()].principalId, variables('assignments')[copyIndex()].role)]",
            (string?)assignment["name"]);

        // The account granted on is the one AzureWebJobsStorage names (the Durable task hub's account).
        Assert.Equal("[parameters('name')]", (string?)ArmTemplate.OfType(storage, "Microsoft.Storage/storageAccounts").Single()["name"]);
        Assert.Equal("[parameters('name')]", (string?)storage["outputs"]!["name"]!["value"]);
    }

    /// <summary>
    /// Every table the code has a setting for (StorageOptions.TableNames(): the workflow tables FollowUps and SmsOptOuts
    /// among them) is created by infra under its default name and handed to both apps under its setting name.
    /// </summary>
    [Fact]
    public void TableNames_AreStorageOptionsTables_WithTheirDefaultNames()
    {
        var tableNames = template.Template["variables"]!["tableNames"]!.AsObject();
        var expected = new VoiceAgent.Core.Storage.StorageOptions().TableNames();

        Assert.Contains(expected, t => t is { Setting: nameof(VoiceAgent.Core.Storage.StorageOptions.FollowUpsTable), Name: "FollowUps" });
        Assert.Contains(expected, t => t is { Setting: nameof(VoiceAgent.Core.Storage.StorageOptions.SmsOptOutsTable), Name: "SmsOptOuts" });
        Assert.Equal(expected.Count, tableNames.Count);
        foreach (var app in new[] { "function-app", "webpubsub-host" })
        {
            var settings = ArmTemplate.AppSettings(template.Module(app));
            foreach (var (setting, name) in expected)
            {
                var reference = TableNameReference().Match((string?)settings[$"Storage__{setting}"] ?? string.Empty);
                Assert.True(reference.Success, $"{app}: Storage__{setting} is not a table name from main.bicep");
                Assert.Equal(name, (string?)tableNames[reference.Groups["key"].Value]);
            }
        }
    }

    [Fact]
    public void Tables_AreCreatedAndHandedToBothApps_IncludingTheStaffTable()
    {
        var tableNames = template.Template["variables"]!["tableNames"]!.AsObject();
        Assert.Equal("StaffMembers", (string?)tableNames["staff"]);
        Assert.Equal("FollowUps", (string?)tableNames["followUps"]);
        Assert.Equal("SmsOptOuts", (string?)tableNames["smsOptOuts"]);

        // storage.bicep creates one table per entry of main.bicep's tableNames.
        Assert.Contains("variables('tableNames')", template.ModuleParameter("storage", "tableNames"), StringComparison.Ordinal);
        var tables = ArmTemplate.OfType(template.Module("storage"), "Microsoft.Storage/storageAccounts/tableServices/tables").Single();
        Assert.Equal("[length(parameters('tableNames'))]", (string?)tables["copy"]!["count"]);

        // Each app gets every table name as a Storage__*Table setting, the staff table among them.
        foreach (var app in new[] { "function-app", "webpubsub-host" })
        {
            Assert.Equal("[variables('tableNames')]", template.ModuleParameter(app, "tableNames"));
            var settings = ArmTemplate.AppSettings(template.Module(app));
            var handed = settings
                .Where(s => s.Key.StartsWith("Storage__", StringComparison.Ordinal) && s.Key.EndsWith("Table", StringComparison.Ordinal))
                .Select(s => TableNameReference().Match((string?)s.Value ?? string.Empty))
                .Select(m => m.Success ? m.Groups["key"].Value : "(not a table name)")
                .Order(StringComparer.Ordinal);
            Assert.Equal(tableNames.Select(t => t.Key).Order(StringComparer.Ordinal), handed);
            Assert.Equal("[parameters('tableNames').staff]", (string?)settings["Storage__StaffTable"]);
        }
    }

    /// <summary>Workflows are Durable Functions (architecture D2): the hand-made workflow queues are gone.</summary>
    [Fact]
    public void WorkflowQueues_AreGone()
    {
        var storage = template.Module("storage");
        Assert.Empty(ArmTemplate.OfType(storage, "Microsoft.Storage/storageAccounts/queueServices/queues"));
        Assert.DoesNotContain("queueNames", storage["parameters"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("workflow-steps", template.Json, StringComparison.OrdinalIgnoreCase);
        foreach (var app in new[] { "function-app", "webpubsub-host" })
        {
            // Workflows__StepsQueue (and its poison queue) are gone; the Workflows section now tunes Durable retries (functions' WorkflowOptions).
            Assert.DoesNotContain(ArmTemplate.AppSettings(template.Module(app)), s => s.Key.StartsWith("Workflows__", StringComparison.Ordinal) && s.Key.Contains("Queue", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The apps' role assignments: one copy loop over storage.bicep's assignments (the operator's is OperatorRolesTests').</summary>
    private static JsonObject AppRoleAssignments(JsonObject storage) =>
        ArmTemplate.OfType(storage, "Microsoft.Authorization/roleAssignments").Single(r => r["copy"] is not null);

    /// <summary>Principal parameter name → role definition ids granted on the storage account (storage.bicep's assignments).</summary>
    private Dictionary<string, List<string>> StorageRoleGrants()
    {
        var storage = template.Module("storage");
        var assignment = AppRoleAssignments(storage);
        Assert.Equal("[length(variables('assignments'))]", (string?)assignment["copy"]!["count"]);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", (string?)assignment["scope"]);
        Assert.Equal("[variables('assignments')[copyIndex()].principalId]", (string?)assignment["properties"]!["principalId"]);
        Assert.Equal(
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('assignments')[copyIndex()].role)]",
            (string?)assignment["properties"]!["roleDefinitionId"]);

        var variables = storage["variables"]!;
        var roles = variables["roles"]!.AsObject();
        var grants = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in variables["assignments"]!.AsArray())
        {
            var principal = ParameterReference().Match((string?)entry!["principalId"] ?? string.Empty);
            var role = RoleReference().Match((string?)entry["role"] ?? string.Empty);
            Assert.True(principal.Success && role.Success, $"Unexpected assignment shape: {entry.ToJsonString()}");
            var roleId = (string?)roles[role.Groups["role"].Value] ?? throw new InvalidOperationException($"No role '{role.Groups["role"].Value}'.");
            var list = grants.TryGetValue(principal.Groups["name"].Value, out var existing) ? existing : grants[principal.Groups["name"].Value] = [];
            list.Add(roleId);
        }

        return grants;
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>\w+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\[variables\('roles'\)\.(?<role>\w+)\]$")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"^\[parameters\('tableNames'\)\.(?<key>\w+)\]$")]
    private static partial Regex TableNameReference();
}
