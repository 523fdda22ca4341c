using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

/// <summary>
/// The operator running azd (AZURE_PRINCIPAL_ID) gets exactly the data roles the postdeploy hook needs: Storage Table Data
/// Contributor on the storage account (tools/tenant apply) and Key Vault Secrets User on the vault (the Twilio auth token),
/// each only when azd knows the principal, with the principal's type from AZURE_PRINCIPAL_TYPE.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class OperatorRolesTests(CompiledTemplateFixture template)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    public static TheoryData<string, string, string, string> Grants => new()
    {
        { "storage", "resourceId('Microsoft.Storage/storageAccounts', parameters('name'))", "variables('roles').tableDataContributor", StorageTableDataContributor },
        { "keyvault", "resourceId('Microsoft.KeyVault/vaults', parameters('name'))", "variables('keyVaultSecretsUser')", KeyVaultSecretsUser },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public void Operator_GetsOneRoleOnTheResource_OnlyWhenThePrincipalIsKnown(string module, string resource, string roleExpression, string roleId)
    {
        var grant = OperatorAssignment(module);

        Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", (string?)grant["condition"]);
        Assert.Equal($"[{resource}]", (string?)grant["scope"]);
        Assert.Equal($"[guid({resource}, parameters('operatorPrincipalId'), {roleExpression})]", (string?)grant["name"]);
        Assert.Equal("[parameters('operatorPrincipalId')]", (string?)grant["properties"]!["principalId"]);
        Assert.Equal("[parameters('operatorPrincipalType')]", (string?)grant["properties"]!["principalType"]);
        Assert.Equal($"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', {roleExpression})]", (string?)grant["properties"]!["roleDefinitionId"]);
        Assert.Equal(roleId, RoleId(module, roleExpression));
        Assert.Equal(["Group", "ServicePrincipal", "User"], template.Module(module)["parameters"]!["operatorPrincipalType"]!["allowedValues"]!.AsArray().Select(v => (string)v!).Order());
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("keyvault")]
    public void Modules_GetTheAzdPrincipal(string module)
    {
        Assert.Equal("[parameters('principalId')]", template.ModuleParameter(module, "operatorPrincipalId"));
        Assert.Equal("[parameters('principalType')]", template.ModuleParameter(module, "operatorPrincipalType"));
        Assert.Equal(string.Empty, (string?)template.Template["parameters"]!["principalId"]!["defaultValue"]);
        Assert.Equal("User", (string?)template.Template["parameters"]!["principalType"]!["defaultValue"]);
    }

    [Fact]
    public void ParametersFile_MapsAzdsPrincipal()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!;

        Assert.Equal("${AZURE_PRINCIPAL_ID=}", (string?)file["principalId"]!["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_TYPE=User}", (string?)file["principalType"]!["value"]);
    }

    /// <summary>The operator reads secrets only: no role that sets them, and no other data role anywhere.</summary>
    [Fact]
    public void Operator_HasNoOtherRoleAssignment()
    {
        var operatorGrants = ArmTemplate.OfType(template.Template, "Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]!["principalId"] ?? string.Empty).Contains("operatorPrincipalId", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, operatorGrants.Count);
    }

    private JsonObject OperatorAssignment(string module) =>
        ArmTemplate.OfType(template.Module(module), "Microsoft.Authorization/roleAssignments")
            .Single(r => (string?)r["properties"]!["principalId"] == "[parameters('operatorPrincipalId')]");

    /// <summary>The built-in role id behind <c>variables('x')</c> or <c>variables('x').y</c> in the module.</summary>
    private string RoleId(string module, string expression)
    {
        var path = expression["variables('".Length..].Replace("')", string.Empty, StringComparison.Ordinal).Split('.');
        JsonNode? node = template.Module(module)["variables"];
        foreach (var part in path)
        {
            node = node?[part];
        }

        return (string?)node ?? throw new InvalidOperationException($"{module} has no variable {expression}.");
    }
}
