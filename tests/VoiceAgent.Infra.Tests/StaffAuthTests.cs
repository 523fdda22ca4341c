using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

/// <summary>
/// Staff sign in with Entra ID through App Service authentication (Easy Auth) on the function app. Twilio's webhooks
/// stay reachable without sign-in, and the app trusts the platform's principal header exactly where Easy Auth runs.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StaffAuthTests(CompiledTemplateFixture template)
{
    private const string Enabled = "[variables('staffAuthEnabled')]";

    [Fact]
    public void FunctionApp_HasEntraIdEasyAuth_ThatLetsUnauthenticatedRequestsThrough()
    {
        var auth = AuthSettings(template.Module("function-app")).Single()["properties"]!;

        Assert.Equal(Enabled, (string?)auth["platform"]!["enabled"]);
        Assert.False(auth["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);

        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.Equal(Enabled, (string?)entra["enabled"]);
        Assert.Equal("[parameters('staffAuthClientId')]", (string?)entra["registration"]!["clientId"]);
        var issuer = (string?)entra["registration"]!["openIdIssuer"];
        Assert.Contains("environment().authentication.loginEndpoint", issuer, StringComparison.Ordinal);
        Assert.Contains("subscription().tenantId", issuer, StringComparison.Ordinal);
        Assert.EndsWith("/v2.0', environment().authentication.loginEndpoint, subscription().tenantId)]", issuer, StringComparison.Ordinal);

        // The only other identity provider settings would open other sign-in paths.
        Assert.Equal(["azureActiveDirectory"], auth["identityProviders"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>No client id: Easy Auth is deployed disabled and the app does not trust the principal header.</summary>
    [Fact]
    public void EasyAuth_AndTrustedPrincipal_FollowWhetherAClientIdIsGiven()
    {
        var module = template.Module("function-app");
        Assert.Equal("[not(empty(parameters('staffAuthClientId')))]", (string?)module["variables"]!["staffAuthEnabled"]);
        Assert.Equal("[string(variables('staffAuthEnabled'))]", (string?)ArmTemplate.AppSettings(module)["StaffAuth__TrustPlatformPrincipal"]);

        // main.bicep: parameter staffAuthClientId (default empty), azd variable STAFF_AUTH_CLIENT_ID.
        Assert.Equal(string.Empty, (string?)template.Template["parameters"]!["staffAuthClientId"]!["defaultValue"]);
        Assert.Equal("[parameters('staffAuthClientId')]", template.ModuleParameter("function-app", "staffAuthClientId"));
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!;
        Assert.Equal("${STAFF_AUTH_CLIENT_ID=}", (string?)parameters["parameters"]!["staffAuthClientId"]!["value"]);
    }

    /// <summary>webpubsub-host has no Easy Auth in front of it, so a caller could forge the header there: never trusted.</summary>
    [Fact]
    public void WebPubSubHost_NeverTrustsThePrincipalHeader()
    {
        var module = template.Module("webpubsub-host");

        Assert.Empty(AuthSettings(module));
        Assert.Equal("false", (string?)ArmTemplate.AppSettings(module)["StaffAuth__TrustPlatformPrincipal"]);
    }

    [Fact]
    public void Outputs_IncludeTheSignInRedirectUri()
    {
        var value = (string?)template.Template["outputs"]!["STAFF_AUTH_REDIRECT_URI"]!["value"];

        Assert.StartsWith("[format('https://{0}/.auth/login/aad/callback'", value, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/deployments', 'function-app')", value, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> AuthSettings(JsonObject module) =>
        ArmTemplate.OfType(module, "Microsoft.Web/sites/config")
            .Where(r => ((string?)r["name"] ?? string.Empty).Contains("authsettingsV2", StringComparison.OrdinalIgnoreCase));
}
