using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace VoiceAgent.Infra.Tests.Hooks;

/// <summary>
/// What the onboarding hook reads exists where it is read from: azure.yaml runs it after deploy, every variable it reads
/// is an output of main.bicep, an azd variable of main.parameters.json or a hook setting the README documents (and every
/// documented one is read), and the Key Vault secret it reads is the one the apps read.
/// </summary>
// The hook is a POSIX sh script, run and checked where azd runs it on Linux and macOS.
[UnsupportedOSPlatform("windows")]
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class OnboardingHookContractTests(CompiledTemplateFixture template)
{
    [Fact]
    public void AzureYaml_RunsTheHookAfterDeploy_OnBothPlatforms()
    {
        var hooks = (Dictionary<object, object>)AzureYaml()["hooks"];
        var postdeploy = (Dictionary<object, object>)hooks["postdeploy"];

        foreach (var (platform, shell, script) in new[] { ("posix", "sh", "onboard-shops.sh"), ("windows", "pwsh", "onboard-shops.ps1") })
        {
            var hook = (Dictionary<object, object>)postdeploy[platform];
            Assert.Equal(shell, hook["shell"]);
            Assert.Equal($"./infra/hooks/{script}", hook["run"]);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, (string)hook["run"])), $"{hook["run"]} does not exist.");
        }

        Assert.True(File.GetUnixFileMode(OnboardingHookSandbox.HookScript).HasFlag(UnixFileMode.UserExecute), "onboard-shops.sh is not executable.");
        // Only the deploy hook touches the shops: provisioning alone leaves the numbers on the code they already reach.
        Assert.DoesNotContain("onboard-shops", string.Join('\n', ((Dictionary<object, object>)hooks["postprovision"]).Values.Select(v => string.Join(' ', ((Dictionary<object, object>)v).Values))), StringComparison.Ordinal);
    }

    [Fact]
    public void HookVariables_AreOutputsParametersOrDocumentedSettings_AndEveryDocumentedSettingIsRead()
    {
        var read = HookVariables();
        var outputs = template.Template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var parameters = ParameterVariables();
        var documented = ReadmeVariables("### The onboarding hook's settings");

        var hookSettings = read.Where(v => !outputs.Contains(v) && !parameters.Contains(v)).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string> { "TENANT_PROFILES_DIR", "TWILIO_SET_WEBHOOKS" }, hookSettings);
        Assert.True(
            hookSettings.SetEquals(documented),
            $"Read by the hook but not in the README's table: {string.Join(", ", hookSettings.Except(documented))}; in the table but not read: {string.Join(", ", documented.Except(hookSettings))}");
        Assert.Empty(documented.Intersect(outputs).Concat(documented.Intersect(parameters)));
    }

    /// <summary>The README's Parameters table lists exactly the azd variables main.parameters.json reads (bar azd's own).</summary>
    [Fact]
    public void ParametersTable_ListsEveryAzdVariableOfTheParametersFile()
    {
        var parameters = ParameterVariables();
        parameters.ExceptWith(["AZURE_ENV_NAME", "AZURE_LOCATION"]);
        var documented = ReadmeVariables("#### Parameters");

        Assert.Superset(new HashSet<string> { "AZURE_PRINCIPAL_ID", "AZURE_PRINCIPAL_TYPE" }, parameters);
        Assert.True(
            parameters.SetEquals(documented),
            $"In main.parameters.json but not in the README's table: {string.Join(", ", parameters.Except(documented))}; in the table but not mapped: {string.Join(", ", documented.Except(parameters))}");
    }

    [Fact]
    public void HookOutputs_NameTheStorageAccountVaultAndFunctionApp()
    {
        var outputs = template.Template["outputs"]!;
        var read = HookVariables();

        Assert.Superset(new HashSet<string> { "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_KEY_VAULT_NAME", "FUNCTIONS_URL" }, read);
        Assert.Matches(@"reference\(.*'storage'\), '[^']+'\)\.outputs\.name\.value\]$", (string?)outputs["AZURE_STORAGE_ACCOUNT_NAME"]!["value"]);
        Assert.Matches(@"reference\(.*'keyvault'\), '[^']+'\)\.outputs\.name\.value\]$", (string?)outputs["AZURE_KEY_VAULT_NAME"]!["value"]);
        Assert.Matches(@"^\[format\('https://\{0\}', reference\(.*'function-app'\), '[^']+'\)\.outputs\.defaultHostName\.value\)\]$", (string?)outputs["FUNCTIONS_URL"]!["value"]);
        Assert.Equal("[parameters('name')]", (string?)template.Module("storage")["outputs"]!["name"]!["value"]);
    }

    [Fact]
    public void HookSecret_IsTheOneTheAppsReadTheTwilioTokenFrom()
    {
        var script = File.ReadAllText(OnboardingHookSandbox.HookScript);

        var secret = TokenSecret().Match(script);

        Assert.True(secret.Success, "onboard-shops.sh names no token_secret.");
        Assert.Equal((string?)template.Template["variables"]!["twilioAuthTokenSecretName"], secret.Groups[1].Value);
    }

    /// <summary>The UPPER_CASE variables the script expands (its own are lower_case), outside comments.</summary>
    private static HashSet<string> HookVariables() =>
        File.ReadAllLines(OnboardingHookSandbox.HookScript)
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => Expansion().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> ParameterVariables() =>
        Expansion().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The <c>`NAME`</c>s in the first column of the table under <paramref name="heading"/> in README.md.</summary>
    private static HashSet<string> ReadmeVariables(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        Assert.True(start >= 0, $"README.md has no '{heading}' section.");
        var rows = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith('|'));
        return rows.Select(row => row.Split('|')[1])
            .SelectMany(cell => Variable().Matches(cell).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, object> AzureYaml() =>
        new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(RepositoryPaths.AzureYaml));

    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]*)")]
    private static partial Regex Expansion();

    [GeneratedRegex(@"`([A-Z][A-Z0-9_]+)`")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^token_secret=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex TokenSecret();
}
